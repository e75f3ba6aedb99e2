import Graph from 'graphology';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import { connectionRows, type GraphData, type GraphNode, searchGraph } from '../../lib/graph/graph-data.ts';
import LayoutWorker from '../../lib/graph/layout.worker.ts?worker';
import type { LayoutReply, LayoutRequest } from '../../lib/graph/layout-protocol.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import type { TimeWindow } from '../../lib/storage/dashboard.ts';
import { formatNumber } from '../format.ts';
import { categoryName } from '../vocabulary.tsx';
import { type ViewContext, WindowPicker } from './views.tsx';

/** Company colours by category (sites are grey): distinct, and readable on the light and dark themes. */
// A Map, not an object: a category read from stored data is looked up, and must never find a prototype member.
const CATEGORY_COLOURS = new Map<string, string>([
  ['advertising', '#d9480f'],
  ['site_analytics', '#1971c2'],
  ['social_media', '#7048e8'],
  ['customer_interaction', '#0c8599'],
  ['audio_video_player', '#c2255c'],
  ['consent', '#5c940d'],
  ['hosting', '#868e96'],
  ['utilities', '#2b8a3e'],
  ['pornvertising', '#a61e4d'],
  ['extensions', '#e67700'],
  ['misc', '#495057'],
  ['unlisted', '#adb5bd'],
]);
const SITE_COLOUR = '#8d99a6';
const DIM = '#e2e5e9';

type LayoutState = 'running' | 'stopped' | 'settled' | 'failed';

/**
 * Sites ↔ companies, drawn by sigma.js (WebGL) and laid out by ForceAtlas2 in a worker. The page never waits for
 * the layout; it can be stopped. Search highlights matching nodes, a click opens the node's page, and the same
 * connections are in a table for screen readers and keyboards.
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
  const edgesHidden = useRef(false);
  const revealEdges = useRef<() => void>(() => undefined);
  const [layout, setLayout] = useState<LayoutState>('running');
  // The data the canvas shows: until it is drawn, the graph is busy.
  const [drawn, setDrawn] = useState<GraphData | undefined>(undefined);
  const [query, setQuery] = useState('');
  const labelOf = useMemo(
    () => (n: GraphNode) => (n.type === 'company' ? ctx.company(n.key).name : n.key),
    [ctx.company],
  );
  const matches = useMemo(() => (data ? searchGraph(data, query, labelOf) : []), [query, data, labelOf]);

  // One renderer for as long as the canvas is there: a new time window draws into it, without new WebGL contexts.
  const hasCanvas = !data || data.nodes.length > 0;
  useLayoutEffect(
    () => () => {
      sigma.current?.kill();
      sigma.current = undefined;
    },
    [hasCanvas],
  );
  const createRenderer = (element: HTMLElement, big: boolean) => {
    const renderer: Sigma = new Sigma(new Graph({ type: 'undirected' }), element, {
      // While the view moves, a big graph draws nodes only: panning thousands stays smooth on any graphics chip.
      hideEdgesOnMove: big,
      hideLabelsOnMove: true,
      // Points are the cheapest node shape to draw; edges as lines, not rectangles. Sigma always registers its
      // default programs under these names (circle nodes; arrow and line edges): taking the names over keeps it from
      // compiling shaders this graph never uses.
      defaultNodeType: 'circle',
      nodeProgramClasses: { circle: NodePointProgram },
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeLineProgram },
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      nodeReducer: (node, attrs) => {
        const lit = highlight.current;
        if (!lit.size) return attrs;
        return lit.has(node)
          ? { ...attrs, highlighted: true, zIndex: 1, forceLabel: true }
          : { ...attrs, color: DIM, label: '', zIndex: 0 };
      },
      edgeReducer: (edge, attrs) => {
        if (edgesHidden.current) return { ...attrs, hidden: true };
        const lit = highlight.current;
        if (!lit.size) return attrs;
        const [a, b] = renderer.getGraph().extremities(edge);
        return lit.has(a) || lit.has(b) ? { ...attrs, color: '#868e96', size: 1 } : { ...attrs, color: DIM };
      },
    });
    renderer.on('enterNode', () => element.classList.add('pointing'));
    renderer.on('leaveNode', () => element.classList.remove('pointing'));
    return renderer;
  };

  // The data: drawn in the frame it arrives in (a layout effect), then laid out by the worker.
  useLayoutEffect(() => {
    const element = container.current;
    if (!data || !element || !data.nodes.length) return;
    const big = data.edges.length > 2000;
    sigma.current ??= createRenderer(element, big);
    const renderer = sigma.current;
    const graph = new Graph({ type: 'undirected' });
    for (const n of data.nodes) {
      graph.addNode(n.id, {
        x: n.x,
        y: n.y,
        size: n.type === 'company' ? 3 + Math.sqrt(n.degree) * 1.2 : 2 + Math.min(4, Math.sqrt(n.degree) * 0.5),
        color: n.type === 'company' ? (CATEGORY_COLOURS.get(n.category ?? 'misc') ?? '#495057') : SITE_COLOUR,
        label: labelOf(n),
      });
    }
    const addEdges = () => {
      for (const e of data.edges) {
        graph.addEdge((data.nodes[e.source] as GraphNode).id, (data.nodes[e.target] as GraphNode).id, {
          size: 0.5,
          color: '#ced4da',
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
    renderer.setGraph(graph);
    setDrawn(data);
    const onClick = ({ node }: { node: string }) => {
      const n = data.nodes.find((x) => x.id === node);
      if (n) location.hash = n.type === 'company' ? ctx.companyHref(n.key) : ctx.siteHref(n.key);
    };
    renderer.on('clickNode', onClick);
    let edgesTimer: ReturnType<typeof setTimeout> | undefined;
    const afterFirstFrame = () => {
      edgesTimer = setTimeout(addEdges, 0);
    };
    if (big) renderer.once('afterRender', afterFirstFrame);

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
    if (display) renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 300 });
  }, [matches]);

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
              {matches.length ? t('dashGraphMatches', [String(matches.length)]) : t('dashNoMatch', [query])}{' '}
              {matches.slice(0, 8).map((n) => (
                <a key={n.id} class="match" href={n.type === 'company' ? ctx.companyHref(n.key) : ctx.siteHref(n.key)}>
                  {labelOf(n)}
                </a>
              ))}
            </p>
          )}
          <div
            ref={container}
            class="graph"
            data-testid="graph"
            role="img"
            aria-busy={drawn !== data || !data}
            aria-label={t('dashGraphLabel', [
              formatNumber(sites),
              formatNumber(companies),
              formatNumber(data?.edges.length ?? 0),
            ])}
          />
          {data && data.totalEdges > data.edges.length && (
            <p>{t('dashGraphCapped', [formatNumber(data.edges.length), formatNumber(data.totalEdges)])}</p>
          )}
          <Legend ctx={ctx} data={data} />
          {data && <ConnectionsTable ctx={ctx} data={data} labelOf={labelOf} />}
        </>
      )}
    </section>
  );
}

function Legend({ ctx, data }: { ctx: ViewContext; data: GraphData | undefined }) {
  const categories = [...new Set(data?.nodes.flatMap((n) => (n.category ? [n.category] : [])))].sort();
  return (
    <ul class="legend" aria-label={ctx.t('dashGraphLegend')}>
      <li>
        <span class="swatch" style={{ background: SITE_COLOUR }} /> {ctx.t('dashGraphSite')}
      </li>
      {categories.map((c) => (
        <li key={c}>
          <span class="swatch" style={{ background: CATEGORY_COLOURS.get(c) ?? '#495057' }} /> {categoryName(ctx.t, c)}
        </li>
      ))}
    </ul>
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
        <table class="data">
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
                  <a href={ctx.companyHref(node.key)}>{labelOf(node)}</a>
                </th>
                <td>
                  {sites.slice(0, 50).map((s, i) => (
                    <>
                      {i > 0 && ', '}
                      <a key={s} href={ctx.siteHref(s)}>
                        {s}
                      </a>
                    </>
                  ))}
                  {sites.length > 50 && ` ${t('dashGraphMore', [String(sites.length - 50)])}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
