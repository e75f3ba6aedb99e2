import Graph from 'graphology';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import { connectionRows, type GraphData, type GraphNode, searchGraph } from '../../lib/graph/graph-data.ts';
import { labelledNodes, NODE_SIZE, nodeSize } from '../../lib/graph/labels.ts';
import LayoutWorker from '../../lib/graph/layout.worker.ts?worker';
import type { LayoutReply, LayoutRequest } from '../../lib/graph/layout-protocol.ts';
import { keyboardOrder, stepKey } from '../../lib/graph/navigation.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import type { TimeWindow } from '../../lib/storage/dashboard.ts';
import { type GraphColours, groupOf, readColours } from '../categories.ts';
import { formatNumber } from '../format.ts';
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
  tokenPixels,
  webglAvailable,
} from '../graph-canvas.tsx';
import { type ViewContext, WindowPicker } from './views.tsx';

type LayoutState = 'running' | 'stopped' | 'settled' | 'failed';

/** Nodes drawn smaller than this (in pixels, after zoom) are named only if they are among the always-named ones. */
const LABEL_FROM_SIZE = 14;

/**
 * Sites ↔ companies, drawn by sigma.js (WebGL) and laid out by ForceAtlas2 in a worker. The page never waits for
 * the layout; it can be stopped. Sites are rings, companies discs coloured by category group and sized by the sites
 * they reached; sites and the companies on the most sites are always named. A card tells the node under the pointer,
 * or the one chosen with the arrow keys or from the search results; a click or Enter opens its page. The same
 * connections are in a table, which is all there is where WebGL is missing.
 */
export function GraphView({
  ctx,
  data,
  window,
  onWindow,
}: {
  ctx: ViewContext;
  data: GraphData | undefined;
  window: TimeWindow;
  onWindow: (w: TimeWindow) => void;
}) {
  const { t } = ctx;
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | undefined>(undefined);
  const worker = useRef<Worker | undefined>(undefined);
  const highlight = useRef<Set<string>>(new Set());
  const focused = useRef<string | undefined>(undefined);
  const searchedBefore = useRef(false);
  const hoveredNow = useRef<string | undefined>(undefined);
  const stretch = useRef({ x: 1, y: 1 });
  const colours = useRef<GraphColours | undefined>(undefined);
  const edgesHidden = useRef(false);
  const revealEdges = useRef<() => void>(() => undefined);
  const [canDraw, setCanDraw] = useState(() => webglAvailable());
  const [layout, setLayout] = useState<LayoutState>('running');
  // The data the canvas shows: until it is drawn, the graph is busy.
  const [drawn, setDrawn] = useState<GraphData | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const labelOf = useMemo(
    () => (n: GraphNode) => (n.type === 'company' ? ctx.company(n.key).name : n.key),
    [ctx.company],
  );
  const matches = useMemo(() => (data ? searchGraph(data, query, labelOf) : []), [query, data, labelOf]);
  const byId = useMemo(() => new Map(data?.nodes.map((n) => [n.id, n])), [data]);
  const order = useMemo(() => (data ? keyboardOrder(data.nodes, labelOf) : []), [data, labelOf]);
  const hrefOf = (n: GraphNode) => (n.type === 'company' ? ctx.companyHref(n.key) : ctx.siteHref(n.key));

  // One renderer for as long as the canvas is there: a new time window draws into it, without new WebGL contexts.
  const hasCanvas = canDraw && (!data || data.nodes.length > 0);
  useLayoutEffect(
    () => () => {
      sigma.current?.kill();
      sigma.current = undefined;
    },
    [hasCanvas],
  );
  const createRenderer = (element: HTMLElement, big: boolean) => {
    colours.current = readColours(element);
    const { drawLabel, drawHover, newFrame } = labelDrawers(
      () => colours.current ?? readColours(element),
      () => hoveredNow.current,
    );
    const onHover = (node: string | undefined) => {
      hoveredNow.current = node;
      element.classList.toggle('pointing', node !== undefined);
      setHovered(node);
    };
    const renderer = startSigma(
      new Graph({ type: 'undirected' }),
      element,
      {
        // While the view moves, a big graph draws nodes only: panning thousands stays smooth on any graphics chip.
        hideEdgesOnMove: big,
        hideLabelsOnMove: true,
        // Sites are rings, companies discs. Sigma always registers its default programs under these names (circle
        // nodes; arrow and line edges): taking the names over keeps it from compiling shaders this graph never uses.
        defaultNodeType: 'circle',
        nodeProgramClasses: NODE_PROGRAMS,
        defaultEdgeType: 'line',
        edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeLineProgram },
        // The always-named nodes carry `forceLabel`; zooming in names the others as they grow.
        labelRenderedSizeThreshold: LABEL_FROM_SIZE,
        labelSize: tokenPixels(element, '--text-sm', 14),
        labelFont: getComputedStyle(element).fontFamily || 'system-ui, sans-serif',
        labelWeight: 'normal',
        defaultDrawNodeLabel: drawLabel,
        defaultDrawNodeHover: drawHover,
        // Room around the nodes for their rings and labels (the label drawer keeps labels inside in any case).
        stagePadding: 40,
        zIndex: true,
        nodeReducer: (node, attrs) => {
          const lit = highlight.current;
          const s = stretch.current;
          let shown = s.x === 1 && s.y === 1 ? attrs : { ...attrs, x: attrs.x * s.x, y: attrs.y * s.y };
          if (lit.size) {
            shown = lit.has(node)
              ? { ...shown, highlighted: true, zIndex: 1, forceLabel: true }
              : { ...shown, color: colours.current?.line, label: '', forceLabel: false, zIndex: 0 };
          }
          return node === focused.current ? { ...shown, label: attrs.label, highlighted: true, zIndex: 2 } : shown;
        },
        edgeReducer: (edge, attrs) => {
          if (edgesHidden.current) return { ...attrs, hidden: true };
          const lit = highlight.current;
          const focus = focused.current;
          if (!lit.size && !focus) return attrs;
          const [a, b] = renderer?.getGraph().extremities(edge) ?? [];
          const near = (id: string | undefined) => id !== undefined && (lit.has(id) || id === focus);
          return near(a) || near(b) ? { ...attrs, color: colours.current?.fg, size: 1 } : attrs;
        },
      },
      onHover,
    );
    if (!renderer) return undefined;
    renderer.on('beforeRender', () => newFrame(nodeBoxes(renderer)));
    return renderer;
  };

  // The data: drawn in the frame it arrives in (a layout effect), then laid out by the worker.
  useLayoutEffect(() => {
    const element = container.current;
    if (!data || !element || !data.nodes.length) return;
    const big = data.edges.length > 2000;
    sigma.current ??= createRenderer(element, big);
    const renderer = sigma.current;
    if (!renderer) {
      // No WebGL after all (the probe passed, sigma did not): the table takes the canvas's place.
      setCanDraw(false);
      return;
    }
    const palette = colours.current ?? readColours(element);
    const labelled = labelledNodes(data.nodes);
    let most = 1;
    for (const n of data.nodes) if (n.type === 'company' && n.reach > most) most = n.reach;
    const colourOf = (n: GraphNode, p: GraphColours) =>
      n.type === 'site' ? p.site : (p.groups.get(groupOf(n.category)) ?? p.fg);
    const graph = new Graph({ type: 'undirected' });
    for (const n of data.nodes) {
      graph.addNode(n.id, {
        x: n.x,
        y: n.y,
        size: n.type === 'company' ? nodeSize(n.reach, most) : NODE_SIZE.site,
        type: n.type === 'site' ? 'ring' : 'circle',
        site: n.type === 'site',
        color: colourOf(n, palette),
        label: labelOf(n),
        forceLabel: labelled.has(n.id),
      });
    }
    const addEdges = () => {
      const line = colours.current?.line ?? palette.line;
      for (const e of data.edges) {
        graph.addEdge((data.nodes[e.source] as GraphNode).id, (data.nodes[e.target] as GraphNode).id, {
          size: 0.5,
          color: line,
        });
      }
    };
    // A big graph's edges stay hidden while the layout runs, so they join after the first frame: the nodes show
    // sooner.
    if (!big) addEdges();
    // A big graph shows its edges once the layout rests: while nodes move, redrawing thousands of edges on every
    // update would hold the page (on a machine without a graphics chip, for a good part of a second each time).
    edgesHidden.current = big;
    if (renderer.getSetting('hideEdgesOnMove') !== big) renderer.setSetting('hideEdgesOnMove', big);
    stretch.current = stretchToFill(graph, renderer);
    renderer.setGraph(graph);
    setDrawn(data);
    const onClick = ({ node }: { node: string }) => {
      const n = byId.get(node);
      if (n) location.hash = hrefOf(n);
    };
    renderer.on('clickNode', onClick);
    let edgesTimer: ReturnType<typeof setTimeout> | undefined;
    const afterFirstFrame = () => {
      edgesTimer = setTimeout(addEdges, 0);
    };
    if (big) renderer.once('afterRender', afterFirstFrame);
    // The colours follow the system's light or dark scheme without a reload.
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => {
      const p = readColours(element);
      colours.current = p;
      graph.updateEachNodeAttributes((id, attrs) => {
        const n = byId.get(id);
        return n ? { ...attrs, color: colourOf(n, p) } : attrs;
      });
      graph.updateEachEdgeAttributes((_, attrs) => ({ ...attrs, color: p.line }));
    };
    scheme.addEventListener('change', recolour);

    const layoutWorker = new LayoutWorker();
    worker.current = layoutWorker;
    // Positions arrive faster than a big graph redraws: keep the latest, apply it at most every `spacing` ms.
    const spacing = data.nodes.length > 1000 ? 250 : 0;
    let latest: Float32Array | undefined;
    let applied = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      timer = undefined;
      const positions = latest;
      if (!positions) return;
      latest = undefined;
      applied = performance.now();
      let i = 0;
      graph.updateEachNodeAttributes(
        (_, attrs) => {
          attrs.x = positions[i++] as number;
          attrs.y = positions[i++] as number;
          return attrs;
        },
        { attributes: ['x', 'y'] },
      );
      // The stretch follows the layout; the next frame (scheduled by the update) draws with it.
      stretch.current = stretchToFill(graph, renderer);
    };
    const showEdges = () => {
      if (!edgesHidden.current) return;
      edgesHidden.current = false;
      renderer.refresh();
    };
    revealEdges.current = showEdges;
    layoutWorker.onmessage = (event: MessageEvent<LayoutReply>) => {
      latest = event.data.positions;
      if (event.data.done) {
        clearTimeout(timer);
        apply();
        showEdges();
        setLayout('settled');
      } else if (!timer) {
        timer = setTimeout(apply, Math.max(0, spacing - (performance.now() - applied)));
      }
    };
    // Without its worker the graph keeps its starting arrangement, which is readable; say so.
    layoutWorker.onerror = () => setLayout('failed');
    const positions = new Float32Array(data.nodes.length * 2);
    const sizes = new Float32Array(data.nodes.length);
    data.nodes.forEach((n, i) => {
      positions[2 * i] = n.x;
      positions[2 * i + 1] = n.y;
      sizes[i] = graph.getNodeAttribute(n.id, 'size') as number;
    });
    const edges = new Uint32Array(data.edges.length * 2);
    data.edges.forEach((e, i) => {
      edges[2 * i] = e.source;
      edges[2 * i + 1] = e.target;
    });
    const start: LayoutRequest = { type: 'start', positions, sizes, edges };
    layoutWorker.postMessage(start, [positions.buffer, sizes.buffer, edges.buffer]);
    setLayout('running');
    return () => {
      clearTimeout(timer);
      clearTimeout(edgesTimer);
      scheme.removeEventListener('change', recolour);
      renderer.off('afterRender', afterFirstFrame);
      layoutWorker.terminate();
      renderer.off('clickNode', onClick);
      worker.current = undefined;
    };
  }, [data, labelOf, hasCanvas]);
  useEffect(() => {
    highlight.current = new Set(matches.map((n) => n.id));
    const renderer = sigma.current;
    if (!renderer) return;
    renderer.refresh({ skipIndexation: true });
    const first = matches[0];
    const display = first && renderer.getNodeDisplayData(first.id);
    const searched = searchedBefore.current;
    searchedBefore.current = !!query.trim();
    // Sigma hides labels while the camera moves and may leave the last frame of a move without them: draw once more.
    const redraw = () => renderer.scheduleRender();
    if (display)
      renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 300 }).then(redraw);
    // An emptied search shows the whole graph again.
    else if (searched && !query.trim()) renderer.getCamera().animatedReset({ duration: 300 }).then(redraw);
  }, [matches]);
  // The chosen node is drawn highlighted, named, and brought into view if the camera had left it.
  useEffect(() => {
    focused.current = selected;
    const renderer = sigma.current;
    if (!renderer) return;
    renderer.refresh({ skipIndexation: true });
    const display = selected ? renderer.getNodeDisplayData(selected) : undefined;
    if (!display) return;
    const at = renderer.framedGraphToViewport(display);
    const { width, height } = renderer.getDimensions();
    if (at.x < 0 || at.y < 0 || at.x > width || at.y > height) {
      renderer
        .getCamera()
        .animate({ x: display.x, y: display.y }, { duration: 300 })
        .then(() => renderer.scheduleRender());
    }
  }, [selected, drawn]);
  // A time window without the chosen node lets go of it.
  useEffect(() => {
    if (selected && !byId.has(selected)) setSelected(undefined);
  }, [byId, selected]);

  const shownId = hovered ?? selected;
  const { card, corner } = shownCard(sigma.current, shownId, shownId ? byId.get(shownId) : undefined, labelOf);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && selected) {
      const n = byId.get(selected);
      if (n) location.hash = hrefOf(n);
      return;
    }
    const step = stepKey(e.key, order, selected);
    if (!step) return;
    e.preventDefault();
    setSelected(step.next);
  };

  const toggleLayout = () => {
    const message: LayoutRequest = { type: layout === 'running' ? 'stop' : 'resume' };
    worker.current?.postMessage(message);
    if (layout === 'running') revealEdges.current();
    setLayout(layout === 'running' ? 'stopped' : 'running');
  };
  const status: Record<LayoutState, MessageKey> = {
    running: 'dashLayoutRunning',
    stopped: 'dashLayoutStopped',
    settled: 'dashLayoutSettled',
    failed: 'dashLayoutFailed',
  };
  const companies = data?.nodes.filter((n) => n.type === 'company').length ?? 0;
  const sites = (data?.nodes.length ?? 0) - companies;
  const groups = useMemo(() => (data ? groupsIn(data.nodes) : []), [data]);

  if (data && data.nodes.length > 0 && !canDraw) {
    return (
      <section aria-labelledby="graph-heading">
        <h2 id="graph-heading">{t('dashGraph')}</h2>
        <WindowPicker t={t} window={window} onWindow={onWindow} />
        <p class="notice" role="status" data-testid="graph-fallback">
          {t('dashGraphNoWebgl')}
        </p>
        <ConnectionsRows
          t={t}
          rows={connectionRows(data, labelOf)}
          companyName={labelOf}
          companyHref={ctx.companyHref}
          siteHref={ctx.siteHref}
        />
      </section>
    );
  }
  return (
    <section aria-labelledby="graph-heading">
      <h2 id="graph-heading">{t('dashGraph')}</h2>
      <WindowPicker t={t} window={window} onWindow={onWindow} />
      {data && data.nodes.length === 0 ? (
        <p data-testid="dash-empty">{t('dashEmpty')}</p>
      ) : (
        <>
          <div class="graph-tools">
            <label>
              {t('dashGraphSearch')}{' '}
              <input
                type="search"
                data-testid="graph-search"
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </label>
            <button type="button" data-testid="layout-toggle" onClick={toggleLayout} disabled={layout === 'failed'}>
              {layout === 'running' ? t('dashLayoutStop') : t('dashLayoutResume')}
            </button>
            <span role="status" data-testid="layout-status">
              {t(status[layout])}
            </span>
          </div>
          {query.trim() && (
            <p role="status" data-testid="graph-matches">
              {matches.length ? t('dashGraphMatches', [matches.length]) : t('dashNoMatch', [query])}{' '}
              {matches.slice(0, 8).map((n) => (
                <a
                  key={n.id}
                  class="match"
                  href={hrefOf(n)}
                  aria-describedby="graph-card"
                  onFocus={() => setSelected(n.id)}
                  onMouseEnter={() => setSelected(n.id)}
                >
                  {labelOf(n)}
                </a>
              ))}
            </p>
          )}
          <div class="graph-frame">
            <div
              ref={container}
              class="graph"
              data-testid="graph"
              role="application"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes the arrow keys, as an application
              tabIndex={0}
              onKeyDown={onKeyDown}
              aria-busy={drawn !== data || !data}
              aria-label={t('dashGraphLabel', [
                formatNumber(sites),
                formatNumber(companies),
                formatNumber(data?.edges.length ?? 0),
              ])}
              aria-describedby="graph-keys"
            />
            <NodeCard t={t} node={card} corner={corner} id="graph-card" />
          </div>
          <p class="hint" id="graph-keys">
            {t('dashGraphKeys')}
          </p>
          {data && data.totalEdges > data.edges.length && (
            <p>{t('dashGraphCapped', [formatNumber(data.edges.length), formatNumber(data.totalEdges)])}</p>
          )}
          <GraphLegend t={t} groups={groups} />
          {data && <ConnectionsTable ctx={ctx} data={data} labelOf={labelOf} />}
        </>
      )}
    </section>
  );
}

/** The graph as a table (one row per company, with the sites it is connected to), rendered when opened. */
function ConnectionsTable({
  ctx,
  data,
  labelOf,
}: {
  ctx: ViewContext;
  data: GraphData;
  labelOf: (n: GraphNode) => string;
}) {
  const [open, setOpen] = useState(false);
  const rows = useMemo(() => (open ? connectionRows(data, labelOf) : []), [open, data, labelOf]);
  const { t } = ctx;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="graph-table">
      <summary>{t('dashGraphTable')}</summary>
      {open && (
        <ConnectionsRows
          t={t}
          rows={rows}
          companyName={labelOf}
          companyHref={ctx.companyHref}
          siteHref={ctx.siteHref}
        />
      )}
    </details>
  );
}
