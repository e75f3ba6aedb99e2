/**
 * What the graph names and how big it draws things: pure rules, shared by the dashboard's graph and the classroom's,
 * so a graph with names does not depend on how far the user zoomed in.
 */

/** A graph with at most this many nodes names every one of them. */
export const LABEL_ALL_UP_TO = 40;
/** On a bigger graph: this many sites, those that reached the most companies… */
export const LABEL_TOP_SITES = 30;
/** …and this many companies, those on the most sites. The others are named as zooming in makes them bigger. */
export const LABEL_TOP_COMPANIES = 15;

export interface Reach {
  id: string;
  type: 'company' | 'site';
  /** For a company, the sites it got data from; for a site, the companies it sent data to (`GraphNode.reach`). */
  reach: number;
}

/**
 * The nodes whose names are always drawn: all of them on a small graph; on a big one the sites that sent data to the
 * most companies and the companies on the most sites (ties by id, the same on every machine). Capped, so that a
 * history of thousands of sites does not place thousands of labels on every frame.
 */
export function labelledNodes(
  nodes: readonly Reach[],
  allUpTo = LABEL_ALL_UP_TO,
  topCompanies = LABEL_TOP_COMPANIES,
  topSites = LABEL_TOP_SITES,
): Set<string> {
  if (nodes.length <= allUpTo) return new Set(nodes.map((n) => n.id));
  const sites: Reach[] = [];
  const companies: Reach[] = [];
  for (const n of nodes) (n.type === 'site' ? sites : companies).push(n);
  const byReach = (a: Reach, b: Reach) => b.reach - a.reach || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return new Set(
    [...sites.sort(byReach).slice(0, topSites), ...companies.sort(byReach).slice(0, topCompanies)].map((n) => n.id),
  );
}

/** Node radii in CSS pixels: the smallest still reads as a dot one can point at, the biggest does not hide its edges. */
export const NODE_SIZE = { min: 6, max: 22, site: 8 } as const;

/**
 * A company's radius by the sites it reached, on a square-root scale (its area grows with its reach): `min` for one
 * site, `max` for the company on the most sites of the graph.
 */
export function nodeSize(sites: number, mostSites: number, min: number = NODE_SIZE.min, max: number = NODE_SIZE.max) {
  if (mostSites <= 1 || sites <= 1) return min;
  const t = (Math.sqrt(Math.min(sites, mostSites)) - 1) / (Math.sqrt(mostSites) - 1);
  return min + (max - min) * t;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The boxes a frame has placed so far (labels, and the nodes labels should stay off), bucketed by square cells of the
 * canvas: a new box is compared with the boxes of the cells it touches only, not with every label of the frame, so
 * placing thousands of labels costs a bounded amount per label. A cell that already holds `crowd` boxes counts as
 * covered all over (nothing placed there can be free anyway), which bounds the comparisons of a crowded spot too.
 */
export class BoxGrid {
  /** Box comparisons made so far: what placement costs (read by tests and the bench). */
  comparisons = 0;
  private readonly cells = new Map<number, Box[]>();
  private readonly full = new Set<number>();

  constructor(
    readonly cell = 64,
    readonly crowd = 24,
  ) {}

  add(box: Box): void {
    this.eachCell(box, (key) => {
      if (this.full.has(key)) return;
      const list = this.cells.get(key);
      if (!list) this.cells.set(key, [box]);
      else if (list.length < this.crowd) list.push(box);
      else {
        this.full.add(key);
        this.cells.delete(key);
      }
    });
  }

  /** The area `box` shares with the boxes placed (each counted once, in the cell where their overlap starts). */
  overlap(box: Box): number {
    let area = 0;
    this.eachCell(box, (key, cx, cy) => {
      if (this.full.has(key)) {
        this.comparisons++;
        area += shared(box, { x: cx * this.cell, y: cy * this.cell, width: this.cell, height: this.cell });
        return;
      }
      for (const o of this.cells.get(key) ?? []) {
        this.comparisons++;
        // Both boxes may lie in several cells: their shared area belongs to the cell of its top-left corner only.
        if (this.cellOf(Math.max(box.x, o.x)) !== cx || this.cellOf(Math.max(box.y, o.y)) !== cy) continue;
        area += shared(box, o);
      }
    });
    return area;
  }

  private cellOf(v: number): number {
    return Math.max(-CELL_LIMIT, Math.min(CELL_LIMIT, Math.floor(v / this.cell)));
  }

  private eachCell(box: Box, f: (key: number, cx: number, cy: number) => void) {
    if (![box.x, box.y, box.width, box.height].every(Number.isFinite)) return;
    const x1 = this.cellOf(box.x + Math.max(0, box.width));
    const y1 = this.cellOf(box.y + Math.max(0, box.height));
    for (let cx = this.cellOf(box.x); cx <= x1; cx++) {
      for (let cy = this.cellOf(box.y); cy <= y1; cy++) f((cx + CELL_LIMIT) * 2 ** 16 + cy + CELL_LIMIT, cx, cy);
    }
  }
}

/** Cells beyond this many from the origin are folded into the last one (a node far off the canvas). */
const CELL_LIMIT = 2 ** 15 - 1;

/**
 * Where a node's label goes, in viewport pixels: right of the node, else left of it, above or below it — the first of
 * these that lies inside the canvas and overlaps no box already placed (`taken`: the frame's `BoxGrid`, or a list);
 * failing that, the one pulled inside the canvas that overlaps them least. Always entirely inside the canvas
 * (`margin` from each edge). None for a node outside the canvas: a label pulled in from off-screen would name the
 * wrong spot. A label wider than the canvas gets its width; the caller shortens the text to fit (`fitLabel`). Each
 * candidate is measured against `taken` once: four overlap queries per label at most.
 */
export function labelBox(
  node: { x: number; y: number; size: number },
  text: { width: number; height: number },
  view: { width: number; height: number },
  taken: readonly Box[] | BoxGrid = [],
  margin = 2,
  gap = 4,
): Box | undefined {
  if (!(node.x >= 0 && node.x <= view.width && node.y >= 0 && node.y <= view.height)) return undefined;
  const width = Math.min(text.width, Math.max(0, view.width - 2 * margin));
  const height = Math.min(text.height, Math.max(0, view.height - 2 * margin));
  const sides = [
    { x: node.x + node.size + gap, y: node.y - height / 2 },
    { x: node.x - node.size - gap - width, y: node.y - height / 2 },
    { x: node.x - width / 2, y: node.y - node.size - gap - height },
    { x: node.x - width / 2, y: node.y + node.size + gap },
  ];
  const fits: Box[] = sides.map((p) => ({
    x: clamp(p.x, margin, view.width - margin - width),
    y: clamp(p.y, margin, view.height - margin - height),
    width,
    height,
  }));
  const measured: (number | undefined)[] = [];
  const cost = (i: number) => {
    measured[i] ??= taken instanceof BoxGrid ? taken.overlap(fits[i] as Box) : overlap(fits[i] as Box, taken);
    return measured[i];
  };
  const unmoved = fits.findIndex((box, i) => box.x === sides[i]?.x && box.y === sides[i]?.y && cost(i) === 0);
  if (unmoved >= 0) return fits[unmoved];
  const moved = fits.findIndex((_, i) => cost(i) === 0);
  if (moved >= 0) return fits[moved];
  let best = 0;
  for (let i = 1; i < fits.length; i++) if (cost(i) < cost(best)) best = i;
  return fits[best];
}

/** The area `box` shares with the boxes in `others`. */
export function overlap(box: Box, others: readonly Box[]): number {
  let area = 0;
  for (const o of others) area += shared(box, o);
  return area;
}

function shared(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The text shortened with an ellipsis until `measure` says it fits `maxWidth`; the text itself when it fits. */
export function fitLabel(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // The longest prefix that fits with its ellipsis, by bisection (labels are measured on every frame).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo ? `${chars.slice(0, lo).join('')}…` : '';
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/**
 * How much to stretch a layout along one axis so that it fills a canvas of another shape: a wide graph in a square
 * canvas leaves half the canvas empty and its labels crowded side by side. Only ever stretches (the other factor is
 * 1), by at most `max`, so the shape stays recognisable.
 */
export function fillStretch(
  extent: { width: number; height: number },
  view: { width: number; height: number },
  max = 2,
): { x: number; y: number } {
  if (!(extent.width > 0 && extent.height > 0 && view.width > 0 && view.height > 0)) return { x: 1, y: 1 };
  const ratio = extent.width / extent.height / (view.width / view.height);
  return ratio > 1 ? { x: 1, y: Math.min(max, ratio) } : { x: Math.min(max, 1 / ratio), y: 1 };
}
