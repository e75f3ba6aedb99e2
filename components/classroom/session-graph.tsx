import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type Sigma from 'sigma';
import { buildGraph, connectionRows, type GraphNode } from '../../lib/graph/graph-data.ts';
import { labelledNodes, nodeSize } from '../../lib/graph/labels.ts';
import { keyboardOrder, stepKey } from '../../lib/graph/navigation.ts';
import type { Translate } from '../../lib/i18n.ts';
import { isUnlistedId } from '../../lib/trackers/company.ts';
import { type GraphColours, groupOf, readColours } from '../categories.ts';
import {
  ConnectionsRows,
  GraphLegend,
  groupsIn,
  labelDrawers,
  NODE_PROGRAMS,
  NodeCard,
  nodeBoxes,
  shownCard,
  startSigma,
  stretchToFill,
  webglAvailable,
} from '../graph-canvas.tsx';

/** Radii for a projector: the smallest company still a dot the back row sees. */
const SIZES = { min: 8, max: 20, site: 10 };

/**
 * The session's sites ↔ companies graph, growing as the class browses: a new node appears beside what it is
 * connected to and the layout settles over a second or two (a session's graph is small: laid out on the page). Every
 * node is named (a session is a few sites), sites as rings, companies as discs in their category's colour; the card
 * of the node under the pointer or chosen with the arrow keys says what it is. Without WebGL, the same connections
 * as a table.
 */
export function SessionGraph({
  t,
  pairs,
  categories,
  label,
  description,
}: {
  t: Translate;
  /** The session's (site, company) connections; `requests` where the summary counts them. */
  pairs: { site: string; company: string; requests?: number }[];
  /** Each company's categories in the session, main first. */
  categories?: ReadonlyMap<string, readonly string[]>;
  label: (kind: 'site' | 'company', key: string) => string;
  description: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef(new Graph({ type: 'undirected' }));
  const sigma = useRef<Sigma | undefined>(undefined);
  const colours = useRef<GraphColours | undefined>(undefined);
  const focused = useRef<string | undefined>(undefined);
  const frames = useRef(0);
  const stretch = useRef({ x: 1, y: 1 });
  const hoveredNow = useRef<string | undefined>(undefined);
  const [canDraw, setCanDraw] = useState(() => webglAvailable());
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);

  // The same graph as the dashboard builds, for what the canvas does not know: reach, requests, names, the table.
  const data = useMemo(() => {
    const requests = new Map<string, number>();
    let counted = false;
    for (const p of pairs) {
      if (p.requests === undefined) continue;
      counted = true;
      requests.set(p.company, (requests.get(p.company) ?? 0) + p.requests);
    }
    return buildGraph(pairs, (id) => ({
      kind: isUnlistedId(id) ? 'unlisted' : 'tracker',
      category: categories?.get(id)?.[0] ?? (isUnlistedId(id) ? 'unlisted' : 'misc'),
      ...(counted ? { requests: requests.get(id) ?? 0 } : {}),
    }));
  }, [pairs, categories]);
  const nameOf = useMemo(
    () => (n: GraphNode) => label(n.type, n.key) || (n.type === 'site' ? t('classroomASite') : n.key),
    [label, t],
  );
  const byId = useMemo(() => new Map(data.nodes.map((n) => [n.id, n])), [data]);
  const order = useMemo(() => keyboardOrder(data.nodes, nameOf), [data, nameOf]);

  useEffect(() => {
    const element = container.current;
    if (!element || !canDraw) return;
    colours.current = readColours(element);
    const { drawLabel, drawHover, newFrame } = labelDrawers(
      () => colours.current ?? readColours(element),
      () => hoveredNow.current,
    );
    const onHover = (node: string | undefined) => {
      hoveredNow.current = node;
      setHovered(node);
    };
    // Projector type: the smallest the room reads (20 px), so that the names of a session fit beside each other.
    const labelSize = 20;
    const renderer = startSigma(
      graph.current,
      element,
      {
        defaultNodeType: 'circle',
        nodeProgramClasses: NODE_PROGRAMS,
        labelSize,
        labelWeight: 'normal',
        labelFont: getComputedStyle(element).fontFamily || 'system-ui, sans-serif',
        // The always-named nodes (every node of a session of up to 40) carry `forceLabel`; none is left to sigma's
        // size threshold.
        labelRenderedSizeThreshold: Number.POSITIVE_INFINITY,
        defaultDrawNodeLabel: drawLabel,
        defaultDrawNodeHover: drawHover,
        stagePadding: 48,
        zIndex: true,
        nodeReducer: (node, attrs) => {
          const s = stretch.current;
          const shown = s.x === 1 && s.y === 1 ? attrs : { ...attrs, x: attrs.x * s.x, y: attrs.y * s.y };
          return node === focused.current ? { ...shown, highlighted: true, forceLabel: true, zIndex: 1 } : shown;
        },
      },
      onHover,
    );
    if (!renderer) {
      setCanDraw(false);
      return;
    }
    sigma.current = renderer;
    renderer.on('beforeRender', () => newFrame(nodeBoxes(renderer)));
    let raf = 0;
    const tick = () => {
      if (frames.current > 0 && graph.current.order > 1) {
        forceAtlas2.assign(graph.current, { iterations: 2, settings: forceAtlas2.inferSettings(graph.current) });
        stretch.current = stretchToFill(graph.current, renderer);
        frames.current--;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(raf);
      renderer.kill();
      sigma.current = undefined;
    };
  }, [canDraw]);

  useEffect(() => {
    const g = graph.current;
    const element = container.current;
    const palette = colours.current ?? (element ? readColours(element) : undefined);
    const labelled = labelledNodes(data.nodes);
    let most = 1;
    for (const n of data.nodes) if (n.type === 'company' && n.reach > most) most = n.reach;
    let added = false;
    const attributesOf = (n: GraphNode) => ({
      size: n.type === 'company' ? nodeSize(n.reach, most, SIZES.min, SIZES.max) : SIZES.site,
      type: n.type === 'site' ? 'ring' : 'circle',
      site: n.type === 'site',
      color: n.type === 'site' ? palette?.site : palette?.groups.get(groupOf(n.category)),
      label: label(n.type, n.key),
      forceLabel: labelled.has(n.id),
    });
    for (const { source, target } of data.edges) {
      const site = data.nodes[source] as GraphNode;
      const company = data.nodes[target] as GraphNode;
      for (const [n, near] of [
        [company, site],
        [site, company],
      ] as const) {
        if (!g.hasNode(n.id)) {
          const anchor = g.hasNode(near.id) ? g.getNodeAttributes(near.id) : { x: 0, y: 0 };
          g.addNode(n.id, {
            x: (anchor.x as number) + Math.random() * 4 - 2,
            y: (anchor.y as number) + Math.random() * 4 - 2,
            ...attributesOf(n),
          });
          added = true;
        } else {
          g.mergeNodeAttributes(n.id, attributesOf(n));
        }
      }
      if (!g.hasEdge(site.id, company.id)) {
        g.addEdge(site.id, company.id, { color: palette?.line, size: 1.5 });
        added = true;
      }
    }
    // A reset empties the session: the graph follows.
    for (const node of g.nodes()) if (!byId.has(node)) g.dropNode(node);
    if (added) frames.current = 90;
  }, [data, byId, label]);

  useEffect(() => {
    focused.current = selected;
    sigma.current?.refresh({ skipIndexation: true });
  }, [selected]);
  useEffect(() => {
    if (selected && !byId.has(selected)) setSelected(undefined);
  }, [byId, selected]);

  if (!canDraw) {
    return (
      <div class="classroom-graph" data-testid="session-graph">
        <p class="fallback" role="status" data-testid="graph-fallback">
          {t('dashGraphNoWebgl')}
        </p>
        <ConnectionsRows
          t={t}
          rows={connectionRows(data, nameOf)}
          companyName={nameOf}
          siteName={(s) => label('site', s) || t('classroomASite')}
        />
      </div>
    );
  }

  const shownId = hovered ?? selected;
  const { card, corner } = shownCard(sigma.current, shownId, shownId ? byId.get(shownId) : undefined, nameOf);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = stepKey(e.key, order, selected);
    if (!step) return;
    e.preventDefault();
    setSelected(step.next);
  };
  return (
    <div class="classroom-graph">
      <div class="graph-frame">
        <div
          ref={container}
          class="graph"
          role="application"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes the arrow keys, as an application
          tabIndex={0}
          onKeyDown={onKeyDown}
          aria-label={description}
          aria-describedby="session-graph-keys"
          data-testid="session-graph"
        />
        <NodeCard t={t} node={card} corner={corner} id="session-graph-card" />
      </div>
      <p class="visually-hidden" id="session-graph-keys">
        {t('classroomGraphKeys')}
      </p>
      <GraphLegend t={t} groups={groupsIn(data.nodes)} />
    </div>
  );
}
