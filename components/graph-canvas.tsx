import type Graph from 'graphology';
import Sigma from 'sigma';
import { NodeCircleProgram, type NodeHoverDrawingFunction, type NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { GraphNode } from '../lib/graph/graph-data.ts';
import { type Box, BoxGrid, fillStretch, fitLabel, labelBox } from '../lib/graph/labels.ts';
import type { Translate } from '../lib/i18n.ts';
import { type CategoryGroup, type GraphColours, groupName, groupOf, groupVar } from './categories.ts';
import { categoryName } from './vocabulary.tsx';
import './graph.css';
import { formatNumber } from './format.ts';

// What the dashboard's graph and the classroom's share: the WebGL check, the ring sites are drawn as, labels that
// stay inside the canvas, the legend, the node card and the table the graph falls back to.

/**
 * Whether this page can draw with WebGL. Sigma needs it and throws in its constructor without it (headless Firefox,
 * some virtual machines, Chromium with `--disable-webgl`); the probe's context is released at once, so it does not
 * count against the browser's limit of live contexts.
 */
export function webglAvailable(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/**
 * A sigma renderer, or none where it cannot start (no WebGL, or a context the browser refused). `onHover` hears the
 * node under the pointer, or undefined.
 */
export function startSigma(
  graph: Graph,
  element: HTMLElement,
  settings: Partial<Settings>,
  onHover: (node: string | undefined) => void,
): Sigma | undefined {
  if (!webglAvailable(element.ownerDocument)) return undefined;
  try {
    const renderer = new Sigma(graph, element, settings);
    renderer.on('enterNode', ({ node }) => onHover(node));
    renderer.on('leaveNode', () => onHover(undefined));
    // Sigma 3.0 says `leaveNode` when the pointer leaves the canvas from a node, but keeps drawing that node as
    // hovered until the pointer comes back: let go of it (`hoveredNode` is its private field for that state).
    renderer.on('leaveStage', () => {
      (renderer as unknown as { hoveredNode: string | null }).hoveredNode = null;
    });
    return renderer;
  } catch (error) {
    console.warn('Disclosed: the graph cannot be drawn here, showing the table instead', error);
    return undefined;
  }
}

// language=GLSL
const RING_FRAGMENT = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  float feather = u_correctionRatio * 2.0;
  float dist = length(v_diffVector);

  #ifdef PICKING_MODE
  // The whole disc answers the pointer, hole included.
  if (dist > v_radius)
    gl_FragColor = transparent;
  else
    gl_FragColor = v_color;
  #else
  float thickness = max(v_radius * 0.42, u_correctionRatio * 3.0);
  float outside = clamp((dist - v_radius + feather) / feather, 0.0, 1.0);
  float hole = clamp((v_radius - thickness - dist) / feather, 0.0, 1.0);
  gl_FragColor = mix(v_color, transparent, max(outside, hole));
  #endif
}
`;

/**
 * Sites as rings, companies as filled discs: the two kinds of node differ by shape, not by colour alone. Sigma's circle
 * program with a fragment shader that leaves the middle open.
 */
export class NodeRingProgram extends NodeCircleProgram {
  override getDefinition() {
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: RING_FRAGMENT };
  }
}

/** The node programs both graphs use: `circle` for companies, `ring` for sites. */
export const NODE_PROGRAMS = { circle: NodeCircleProgram, ring: NodeRingProgram };

/** Pixels of background drawn around a label's letters, so it reads over edges and other nodes. */
const HALO = 3;

type LabelData = Parameters<NodeLabelDrawingFunction>[1] & { site?: boolean };

/** The label's box and text in viewport pixels, fitted inside the canvas; none for a node off the canvas. */
function placeLabel(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: Settings,
  bold: boolean,
  taken?: BoxGrid,
) {
  if (!data.label) return undefined;
  const size = settings.labelSize;
  context.font = `${bold ? '700' : settings.labelWeight} ${size}px ${settings.labelFont}`;
  // Sigma scales its canvases by the device pixel ratio; the drawing itself is in CSS pixels.
  const ratio = globalThis.devicePixelRatio || 1;
  const view = { width: context.canvas.width / ratio, height: context.canvas.height / ratio };
  const measure = (s: string) => context.measureText(s).width;
  const text = fitLabel(data.label, view.width - 2 * (HALO + 2), measure);
  if (!text) return undefined;
  const box = labelBox(
    data,
    { width: measure(text) + 2 * HALO, height: Math.ceil(size * 1.3) + 2 * HALO },
    view,
    taken,
  );
  if (box) taken?.add(box);
  return box && { box, text };
}

/** Writes the label in its box, on a halo of `halo` when given. */
function writeLabel(
  context: CanvasRenderingContext2D,
  box: { x: number; y: number; height: number },
  text: string,
  fg: string,
  halo?: string,
) {
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  const x = box.x + HALO;
  const y = box.y + box.height / 2;
  if (halo) {
    context.lineJoin = 'round';
    context.lineWidth = HALO * 2;
    context.strokeStyle = halo;
    context.strokeText(text, x, y);
  }
  context.fillStyle = fg;
  context.fillText(text, x, y);
}

/**
 * Label and hover drawers that keep every label inside the canvas and off the labels drawn before it where there is
 * room (`labelBox`), site names in bold, each on a halo of the graph's background.
 */
export function labelDrawers(
  colours: () => GraphColours,
  /** The node under the pointer: drawn by the hover drawer, so not labelled twice. */
  hovered: () => string | undefined = () => undefined,
): {
  drawLabel: NodeLabelDrawingFunction;
  drawHover: NodeHoverDrawingFunction;
  /** Starts a frame (sigma's `beforeRender`): forgets the labels placed, and takes what labels should not cover. */
  newFrame: (obstacles: Box[]) => void;
} {
  // The nodes and the labels of this frame so far: each next label goes where it covers none of them, if it can.
  // Bucketed by cell, so a label is compared with its neighbours only (a frame may place hundreds).
  let taken = new BoxGrid();
  const drawLabel: NodeLabelDrawingFunction = (context, data, settings) => {
    // A highlighted or hovered node gets its label in a box from the hover drawer instead.
    if (data.highlighted || (data as { key?: string }).key === hovered()) return;
    const placed = placeLabel(context, data as LabelData, settings, !!(data as LabelData).site, taken);
    if (!placed) return;
    const { fg, bg } = colours();
    writeLabel(context, placed.box, placed.text, fg, bg);
  };
  const drawHover: NodeHoverDrawingFunction = (context, data, settings) => {
    const { fg, bg } = colours();
    context.beginPath();
    context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    context.lineWidth = 2;
    context.strokeStyle = fg;
    context.stroke();
    const placed = placeLabel(context, data as LabelData, settings, true);
    if (!placed) return;
    const { box, text } = placed;
    context.fillStyle = bg;
    context.strokeStyle = fg;
    context.lineWidth = 1;
    context.beginPath();
    context.roundRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1, 4);
    context.fill();
    context.stroke();
    writeLabel(context, box, text, fg);
  };
  return {
    drawLabel,
    drawHover,
    newFrame: (obstacles) => {
      taken = new BoxGrid();
      for (const box of obstacles) taken.add(box);
    },
  };
}

/** Graphs up to this many nodes keep their labels off other nodes too (a box per node and frame). */
const NODES_AS_OBSTACLES = 600;

/** The nodes' boxes in viewport pixels, for labels to stay off: none on a big graph, where it would cost too much. */
export function nodeBoxes(renderer: Sigma): Box[] {
  const graph = renderer.getGraph();
  if (graph.order > NODES_AS_OBSTACLES) return [];
  const boxes: Box[] = [];
  graph.forEachNode((id) => {
    const display = renderer.getNodeDisplayData(id);
    if (!display || display.hidden) return;
    const at = renderer.framedGraphToViewport(display);
    const r = renderer.scaleSize(display.size);
    boxes.push({ x: at.x - r, y: at.y - r, width: 2 * r, height: 2 * r });
  });
  return boxes;
}

/**
 * Stretches the drawing of the graph's current layout to fill the renderer's canvas (`fillStretch`): returns the
 * factors for a node reducer to apply to the positions it draws (the layout itself keeps its own), and frames the
 * stretched extent (sigma frames the graph's raw extent otherwise, keeping its shape).
 */
export function stretchToFill(graph: Graph, renderer: Sigma): { x: number; y: number } {
  if (!graph.order) {
    renderer.setCustomBBox(null);
    return { x: 1, y: 1 };
  }
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_, a) => {
    const x = a.x as number;
    const y = a.y as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  });
  const stretch = fillStretch({ width: maxX - minX, height: maxY - minY }, renderer.getDimensions());
  renderer.setCustomBBox({ x: [minX * stretch.x, maxX * stretch.x], y: [minY * stretch.y, maxY * stretch.y] });
  return stretch;
}

/** Where a node is drawn, in viewport pixels (sigma's display data is in framed graph coordinates). */
export function nodeOnScreen(renderer: Sigma, id: string): { x: number; y: number } | undefined {
  const display = renderer.getNodeDisplayData(id);
  return display && renderer.framedGraphToViewport(display);
}

/** The CSS pixel size of a token (`--text-sm`) on `element`; `fallback` where the page lacks it. */
export function tokenPixels(element: Element, name: string, fallback: number): number {
  const value = Number.parseFloat(getComputedStyle(element).getPropertyValue(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The groups of the companies in a graph, in legend order. */
export function groupsIn(nodes: readonly Pick<GraphNode, 'type' | 'category'>[]): CategoryGroup[] {
  const present = new Set(nodes.flatMap((n) => (n.type === 'company' ? [groupOf(n.category)] : [])));
  return (
    ['advertising', 'analytics', 'social', 'interaction', 'media', 'consent', 'hosting', 'other'] as const
  ).filter((g) => present.has(g));
}

/** What the graph's shapes and colours mean: a ring per site, then each colour group present, named. */
export function GraphLegend({ t, groups }: { t: Translate; groups: readonly CategoryGroup[] }) {
  return (
    <div class="graph-legend">
      <p class="note">{t('dashGraphShapes')}</p>
      <ul aria-label={t('dashGraphLegend')} data-testid="graph-legend">
        <li data-group="site">
          <span class="swatch ring" aria-hidden="true" /> {t('dashGraphSite')}
        </li>
        {groups.map((g) => (
          <li key={g} data-group={g}>
            <span class="swatch" aria-hidden="true" style={{ background: `var(${groupVar(g)})` }} /> {groupName(t, g)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A node as its card tells it. */
export interface CardNode {
  type: GraphNode['type'];
  name: string;
  category?: string;
  reach: number;
  requests?: number;
}

/**
 * The card of the node under the pointer or chosen with the keyboard: its name, what it is, the sites it reached (or,
 * for a site, the companies it sent data to) and its requests. A live region, so a screen reader says it too. It
 * sits in the corner away from the node, so it never covers it.
 */
export function NodeCard({
  t,
  node,
  corner,
  id,
}: {
  t: Translate;
  node: CardNode | undefined;
  corner: { right: boolean; bottom: boolean };
  id?: string;
}) {
  return (
    <div
      id={id}
      class={`graph-card${node ? '' : ' empty'}${corner.right ? ' right' : ''}${corner.bottom ? ' bottom' : ''}`}
      role="status"
      data-testid="graph-card"
    >
      {node && (
        <>
          <p class="name" data-testid="graph-card-name">
            {node.name}
          </p>
          <dl>
            <div>
              <dt>{t('dashGraphCardWhat')}</dt>
              <dd data-testid="graph-card-what">
                {node.type === 'site' ? t('dashGraphSite') : categoryName(t, node.category ?? 'misc')}
              </dd>
            </div>
            <div>
              <dt>{node.type === 'site' ? t('dashGraphCardCompanies') : t('dashGraphCardSites')}</dt>
              <dd data-testid="graph-card-reach">{formatNumber(node.reach)}</dd>
            </div>
            {node.requests !== undefined && (
              <div>
                <dt>{t('dashGraphCardRequests')}</dt>
                <dd data-testid="graph-card-requests">{formatNumber(node.requests)}</dd>
              </div>
            )}
          </dl>
        </>
      )}
    </div>
  );
}

/**
 * The card of the node shown (hovered, else chosen) and the corner of the canvas away from it, for the dashboard's
 * graph and the classroom's alike.
 */
export function shownCard<N extends Omit<CardNode, 'name'>>(
  renderer: Sigma | undefined,
  id: string | undefined,
  node: N | undefined,
  name: (node: N) => string,
): { card: CardNode | undefined; corner: { right: boolean; bottom: boolean } } {
  const card: CardNode | undefined = node && {
    type: node.type,
    name: name(node),
    ...(node.category !== undefined ? { category: node.category } : {}),
    reach: node.reach,
    ...(node.requests !== undefined ? { requests: node.requests } : {}),
  };
  const corner = cardCorner(
    id && renderer ? nodeOnScreen(renderer, id) : undefined,
    renderer ? renderer.getDimensions() : { width: 0, height: 0 },
  );
  return { card, corner };
}

/** The corner of the canvas farthest from a point, for the card. */
export function cardCorner(
  at: { x: number; y: number } | undefined,
  size: { width: number; height: number },
): { right: boolean; bottom: boolean } {
  if (!at) return { right: true, bottom: false };
  return { right: at.x < size.width / 2, bottom: at.y < size.height / 2 };
}

/**
 * The connections as a table, one row per company with the sites it got data from: the graph's alternative for
 * screen readers and keyboards, and what shows instead of it where WebGL is missing.
 */
export function ConnectionsRows({
  t,
  rows,
  companyName,
  companyHref,
  siteHref,
  siteName = (s) => s,
}: {
  t: Translate;
  rows: { node: GraphNode; sites: string[] }[];
  companyName: (n: GraphNode) => string;
  companyHref?: (id: string) => string;
  siteHref?: (site: string) => string;
  siteName?: (site: string) => string;
}) {
  return (
    <table class="data" data-testid="connections-table">
      <thead>
        <tr>
          <th scope="col">{t('dashColCompany')}</th>
          <th scope="col">{t('dashColSites')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ node, sites }) => (
          <tr key={node.id}>
            <th scope="row">
              {companyHref ? <a href={companyHref(node.key)}>{companyName(node)}</a> : companyName(node)}
            </th>
            <td>
              {sites.slice(0, 50).map((s, i) => (
                <span key={s}>
                  {i > 0 && ', '}
                  {siteHref ? <a href={siteHref(s)}>{siteName(s)}</a> : siteName(s)}
                </span>
              ))}
              {sites.length > 50 && ` ${t('dashGraphMore', [sites.length - 50])}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
