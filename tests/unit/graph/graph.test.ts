import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../lib/graph/graph-data.ts';
import { LayoutRun } from '../../../lib/graph/layout.ts';

const flow = (site: string, company: string) => ({ site, company });
const info = () => ({ kind: 'tracker' as const, category: 'advertising' });

describe('buildGraph', () => {
  it('has one node per site and per company, one edge per connection, with degrees', () => {
    const g = buildGraph([flow('a.com', 'google'), flow('b.com', 'google'), flow('b.com', 'meta')], info);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['c:google', 'c:meta', 's:a.com', 's:b.com']);
    expect(g.edges).toHaveLength(3);
    expect(g.nodes.find((n) => n.id === 'c:google')?.degree).toBe(2);
    expect(g.nodes.find((n) => n.id === 's:b.com')?.degree).toBe(2);
    expect(g.totalEdges).toBe(3);
  });

  it('keeps a site and a company with the same name apart', () => {
    const g = buildGraph([flow('example.com', 'site:example.com'), flow('example.com', 'google')], info);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['c:google', 'c:site:example.com', 's:example.com']);
  });

  it('over the cap keeps every site and company, then the connections of the companies on the most sites', () => {
    const flows = [
      ...['a', 'b', 'c', 'd'].map((s) => flow(`${s}.com`, 'big')),
      flow('a.com', 'small'),
      flow('b.com', 'small'),
      flow('e.com', 'lonely'),
      flow('e.com', 'small'),
    ];
    const g = buildGraph(flows, info, 6);
    expect(g.edges).toHaveLength(6);
    expect(g.totalEdges).toBe(8);
    // Every node of the six connections is drawn…
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      ['c:big', 'c:lonely', 'c:small', 's:a.com', 's:b.com', 's:c.com', 's:d.com', 's:e.com'].sort(),
    );
  });

  it('takes kind and category from the company summaries, and marks unknown unlisted ones', () => {
    const g = buildGraph([flow('a.com', 'google'), flow('a.com', 'site:cdn.example')], (id) =>
      id === 'google' ? { kind: 'tracker', category: 'site_analytics' } : undefined,
    );
    expect(g.nodes.find((n) => n.id === 'c:google')).toMatchObject({ kind: 'tracker', category: 'site_analytics' });
    expect(g.nodes.find((n) => n.id === 'c:site:cdn.example')).toMatchObject({
      kind: 'unlisted',
      category: 'unlisted',
    });
  });

  it('starts each site near its companies, the same way every time', () => {
    const flows = [flow('a.com', 'google'), flow('b.com', 'meta'), flow('c.com', 'meta')];
    const g = buildGraph(flows, info);
    const at = (id: string) => g.nodes.find((n) => n.id === id) as { x: number; y: number };
    const dist = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(dist('s:b.com', 'c:meta')).toBeLessThan(dist('s:b.com', 'c:google'));
    expect(buildGraph(flows, info).nodes).toEqual(g.nodes);
  });
});

describe('LayoutRun', () => {
  // Two companies, each with its own 30 sites, plus one site both reach.
  const flows = [
    ...Array.from({ length: 30 }, (_, i) => flow(`a${i}.com`, 'alpha')),
    ...Array.from({ length: 30 }, (_, i) => flow(`b${i}.com`, 'beta')),
    flow('shared.com', 'alpha'),
    flow('shared.com', 'beta'),
  ];
  const start = () => {
    const g = buildGraph(flows, info);
    return {
      g,
      run: new LayoutRun({
        type: 'start',
        positions: new Float32Array(g.nodes.flatMap((n) => [n.x, n.y])),
        sizes: new Float32Array(g.nodes.map(() => 2)),
        edges: new Uint32Array(g.edges.flatMap((e) => [e.source, e.target])),
      }),
    };
  };

  it('settles by itself, with every position a finite number', () => {
    const { g, run } = start();
    let reply = run.step();
    let steps = 1;
    while (!reply.done && steps < 1000) {
      reply = run.step();
      steps++;
    }
    expect(reply.done).toBe(true);
    expect(reply.iterations).toBeLessThanOrEqual(3000);
    expect(reply.positions).toHaveLength(g.nodes.length * 2);
    expect([...reply.positions].every(Number.isFinite)).toBe(true);
  });

  it('puts a company’s sites closer to it than to the other company', () => {
    const { g, run } = start();
    let reply = run.step();
    while (!reply.done) reply = run.step();
    const at = (id: string) => {
      const i = g.nodes.findIndex((n) => n.id === id);
      return { x: reply.positions[i * 2] as number, y: reply.positions[i * 2 + 1] as number };
    };
    const dist = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    for (let i = 0; i < 30; i++) {
      expect(dist(`s:a${i}.com`, 'c:alpha')).toBeLessThan(dist(`s:a${i}.com`, 'c:beta'));
      expect(dist(`s:b${i}.com`, 'c:beta')).toBeLessThan(dist(`s:b${i}.com`, 'c:alpha'));
    }
  });

  it('runs again after a restart', () => {
    const { run } = start();
    let reply = run.step();
    while (!reply.done) reply = run.step();
    run.restart();
    expect(run.step()).toMatchObject({ done: false, iterations: 5 });
  });
});

describe('reach and requests', () => {
  it('counts the sites a company reached before the cap, and carries its requests', () => {
    const flows = [...['a', 'b', 'c', 'd'].map((s) => flow(`${s}.com`, 'big')), flow('a.com', 'small')];
    const g = buildGraph(flows, (id) => ({ kind: 'tracker', category: 'advertising', requests: id.length }), 2);
    expect(g.edges).toHaveLength(2);
    const big = g.nodes.find((n) => n.id === 'c:big');
    expect(big).toMatchObject({ reach: 4, requests: 3 });
    expect(big?.degree).toBeLessThan(4);
    expect(g.nodes.find((n) => n.id === 's:a.com')?.reach).toBe(2);
  });
});
