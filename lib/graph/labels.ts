/**
 * What the graph names and how big it draws things: pure rules, shared by the dashboard's graph and the classroom's,
 * so a graph with names does not depend on how far the user zoomed in.
 */

/** A graph with at most this many nodes names every one of them. */
export const LABEL_ALL_UP_TO = 40;
/** On a bigger graph: every site, and this many companies, those on the most sites. */
export const LABEL_TOP_COMPANIES = 15;

export interface Reach {
  id: string;
  type: 'company' | 'site';
  /** For a company, the sites it got data from (`GraphNode.reach`). */
  reach: number;
}

/**
 * The nodes whose names are always drawn: all of them on a small graph; on a big one every site (the user's own
 * browsing, what the graph is about) and the companies on the most sites (ties by id, the same on every machine).
 */
export function labelledNodes(
  nodes: readonly Reach[],
  allUpTo = LABEL_ALL_UP_TO,
  topCompanies = LABEL_TOP_COMPANIES,
): Set<string> {
  if (nodes.length <= allUpTo) return new Set(nodes.map((n) => n.id));
  const labelled = new Set<string>();
  const companies: Reach[] = [];
  for (const n of nodes) {
    if (n.type === 'site') labelled.add(n.id);
    else companies.push(n);
  }
  companies.sort((a, b) => b.reach - a.reach || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of companies.slice(0, topCompanies)) labelled.add(c.id);
  return labelled;
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
 * Where a node's label goes, in viewport pixels: right of the node, else left of it, above or below it — the first of
 * these that lies inside the canvas and overlaps no label already placed (`taken`); failing that, the one pulled
 * inside the canvas that overlaps them least. Always entirely inside the canvas (`margin` from each edge). None for a
 * node outside the canvas: a label pulled in from off-screen would name the wrong spot. A label wider than the canvas
 * gets its width; the caller shortens the text to fit (`fitLabel`).
 */
export function labelBox(
  node: { x: number; y: number; size: number },
  text: { width: number; height: number },
  view: { width: number; height: number },
  taken: readonly Box[] = [],
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
  const inside = (p: { x: number; y: number }): Box => ({
    x: clamp(p.x, margin, view.width - margin - width),
    y: clamp(p.y, margin, view.height - margin - height),
    width,
    height,
  });
  const fits = sides.map(inside);
  const free = (box: Box) => overlap(box, taken) === 0;
  const unmoved = fits.find((box, i) => box.x === sides[i]?.x && box.y === sides[i]?.y && free(box));
  if (unmoved) return unmoved;
  const moved = fits.find(free);
  if (moved) return moved;
  return fits.reduce((best, box) => (overlap(box, taken) < overlap(best, taken) ? box : best));
}

/** The area `box` shares with the boxes in `others`. */
export function overlap(box: Box, others: readonly Box[]): number {
  let area = 0;
  for (const o of others) {
    const w = Math.min(box.x + box.width, o.x + o.width) - Math.max(box.x, o.x);
    const h = Math.min(box.y + box.height, o.y + o.height) - Math.max(box.y, o.y);
    if (w > 0 && h > 0) area += w * h;
  }
  return area;
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
