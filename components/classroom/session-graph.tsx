import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef } from 'preact/hooks';
import Sigma from 'sigma';

/**
 * The session's sites ↔ companies graph, growing as the class browses: a new node appears beside what it is
 * connected to and the layout settles over a second or two (a session's graph is small: laid out on the page).
 */
export function SessionGraph({
  pairs,
  label,
  description,
}: {
  pairs: { site: string; company: string }[];
  label: (kind: 'site' | 'company', key: string) => string;
  description: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef(new Graph({ type: 'undirected' }));
  const sigma = useRef<Sigma | undefined>(undefined);
  const frames = useRef(0);

  useEffect(() => {
    if (!container.current) return;
    const renderer = new Sigma(graph.current, container.current, {
      labelColor: { color: '#ffffff' },
      labelSize: 18,
      labelRenderedSizeThreshold: 6,
    });
    sigma.current = renderer;
    let raf = 0;
    const tick = () => {
      if (frames.current > 0 && graph.current.order > 1) {
        forceAtlas2.assign(graph.current, { iterations: 2, settings: forceAtlas2.inferSettings(graph.current) });
        frames.current--;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(raf);
      renderer.kill();
    };
  }, []);

  useEffect(() => {
    const g = graph.current;
    const keep = new Set<string>();
    let added = false;
    for (const { site, company } of pairs) {
      const s = `s:${site}`;
      const c = `c:${company}`;
      keep.add(s);
      keep.add(c);
      for (const [id, kind, key, near] of [
        [c, 'company', company, s],
        [s, 'site', site, c],
      ] as const) {
        if (!g.hasNode(id)) {
          const anchor = g.hasNode(near) ? g.getNodeAttributes(near) : { x: 0, y: 0 };
          g.addNode(id, {
            x: (anchor.x as number) + Math.random() * 4 - 2,
            y: (anchor.y as number) + Math.random() * 4 - 2,
            size: kind === 'company' ? 10 : 7,
            color: kind === 'company' ? '#ffb020' : '#5cc8ff',
            label: label(kind, key),
          });
          added = true;
        } else {
          g.setNodeAttribute(id, 'label', label(kind, key));
        }
      }
      if (!g.hasEdge(s, c)) {
        g.addEdge(s, c, { color: '#8a94a6', size: 1.5 });
        added = true;
      }
    }
    // A reset empties the session: the graph follows.
    for (const node of g.nodes()) if (!keep.has(node)) g.dropNode(node);
    if (added) frames.current = 90;
  }, [pairs, label]);

  return <div ref={container} class="graph" role="img" aria-label={description} data-testid="session-graph" />;
}
