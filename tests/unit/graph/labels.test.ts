import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../lib/graph/graph-data.ts';
import {
  BoxGrid,
  fillStretch,
  fitLabel,
  labelBox,
  labelledNodes,
  nodeSize,
  overlap,
  type Reach,
} from '../../../lib/graph/labels.ts';
import { keyboardOrder, stepKey } from '../../../lib/graph/navigation.ts';

const company = (id: string, reach: number): Reach => ({ id: `c:${id}`, type: 'company', reach });
const site = (id: string, reach = 1): Reach => ({ id: `s:${id}`, type: 'site', reach });

describe('labelledNodes', () => {
  it('names every node of a small graph', () => {
    const nodes = [site('a.com'), company('google', 1), company('tiny', 1)];
    expect(labelledNodes(nodes, 3)).toEqual(new Set(['s:a.com', 'c:google', 'c:tiny']));
  });

  it('on a big graph names every site and the companies on the most sites, ties by id', () => {
    const nodes = [
      ...Array.from({ length: 5 }, (_, i) => site(`site${i}.com`)),
      company('google', 5),
      company('meta', 3),
      company('b-tie', 2),
      company('a-tie', 2),
      company('once', 1),
    ];
    const labelled = labelledNodes(nodes, 6, 3);
    expect([...labelled].filter((id) => id.startsWith('s:'))).toHaveLength(5);
    expect([...labelled].filter((id) => id.startsWith('c:')).sort()).toEqual(['c:a-tie', 'c:google', 'c:meta']);
  });

  it('on a history of thousands of sites names only the sites that reached the most companies', () => {
    const nodes = [
      ...Array.from({ length: 4000 }, (_, i) => site(`site${i}.com`, 1 + (i % 7))),
      site('everywhere.example', 50),
      ...Array.from({ length: 1000 }, (_, i) => company(`c${i}`, 1 + (i % 11))),
    ];
    const labelled = labelledNodes(nodes);
    expect(labelled.size).toBe(30 + 15);
    expect(labelled.has('s:everywhere.example')).toBe(true);
    // The 29 other sites named are among those that reached seven companies, the most but one.
    const sites = [...labelled].filter((id) => id.startsWith('s:') && id !== 's:everywhere.example');
    expect(sites).toHaveLength(29);
    for (const id of sites) expect(Number(id.match(/\d+/)?.[0]) % 7, id).toBe(6);
  });
});

describe('nodeSize', () => {
  it('grows with the square root of the sites reached, from the smallest size to the biggest', () => {
    expect(nodeSize(1, 16, 6, 22)).toBe(6);
    expect(nodeSize(16, 16, 6, 22)).toBe(22);
    // sqrt(4) is a third of the way from sqrt(1) to sqrt(16).
    expect(nodeSize(4, 16, 6, 22)).toBeCloseTo(6 + 16 / 3);
    expect(nodeSize(9, 16, 6, 22)).toBeGreaterThan(nodeSize(4, 16, 6, 22));
  });

  it('draws every node at the smallest size when no company is on more than one site', () => {
    expect(nodeSize(1, 1, 6, 22)).toBe(6);
  });
});

describe('labelBox', () => {
  const view = { width: 400, height: 300 };
  const text = { width: 100, height: 20 };
  const inside = (b: { x: number; y: number; width: number; height: number }) =>
    b.x >= 2 && b.y >= 2 && b.x + b.width <= view.width - 2 && b.y + b.height <= view.height - 2;

  it('puts the label right of its node where there is room', () => {
    expect(labelBox({ x: 100, y: 100, size: 10 }, text, view)).toEqual({ x: 114, y: 90, width: 100, height: 20 });
  });

  it('turns it to the left near the right edge, and keeps it inside near every edge', () => {
    const right = labelBox({ x: 380, y: 150, size: 10 }, text, view);
    expect(right).toMatchObject({ x: 380 - 10 - 4 - 100 });
    for (const node of [
      { x: 0, y: 0, size: 10 },
      { x: 400, y: 300, size: 10 },
      { x: 5, y: 299, size: 20 },
      { x: 395, y: 1, size: 2 },
    ]) {
      const box = labelBox(node, text, view);
      expect(box && inside(box), JSON.stringify(node)).toBe(true);
    }
  });

  it('moves off a label already placed, to the other side or above or below', () => {
    const first = labelBox({ x: 100, y: 100, size: 10 }, text, view) as NonNullable<ReturnType<typeof labelBox>>;
    const second = labelBox({ x: 100, y: 110, size: 10 }, text, view, [first]);
    expect(second && overlap(second, [first])).toBe(0);
    expect(second?.x).toBeLessThan(100);
  });

  it('overlaps as little as it can when there is no free side, still inside', () => {
    const crowd = [{ x: 0, y: 0, width: 400, height: 300 }];
    const box = labelBox({ x: 200, y: 150, size: 10 }, text, view, crowd);
    expect(box && inside(box)).toBe(true);
  });

  it('names no node outside the canvas, and caps a label wider than the canvas', () => {
    expect(labelBox({ x: -1, y: 100, size: 10 }, text, view)).toBeUndefined();
    expect(labelBox({ x: 100, y: 301, size: 10 }, text, view)).toBeUndefined();
    const wide = labelBox({ x: 200, y: 150, size: 10 }, { width: 1000, height: 20 }, view);
    expect(wide).toMatchObject({ x: 2, width: 396 });
  });
});

describe('BoxGrid', () => {
  const view = { width: 1280, height: 800 };
  const text = { width: 100, height: 24 };
  /** A repeatable scatter of `count` nodes over the canvas. */
  const scatter = (count: number) => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    return Array.from({ length: count }, () => ({ x: next() * view.width, y: next() * view.height, size: 6 }));
  };

  it('measures the same overlap as the flat list, each box once, however many cells the boxes span', () => {
    const boxes = scatter(20).map((n) => ({ x: n.x, y: n.y, width: 150, height: 70 }));
    const grid = new BoxGrid(64, 100);
    for (const b of boxes) grid.add(b);
    for (const probe of [...boxes, { x: 0, y: 0, width: 1280, height: 800 }, { x: 63, y: 63, width: 2, height: 2 }]) {
      expect(grid.overlap(probe)).toBeCloseTo(overlap(probe, boxes), 6);
    }
  });

  it('places the labels of 5,000 nodes with a bounded number of comparisons per label, all inside the canvas', () => {
    const grid = new BoxGrid();
    const nodes = scatter(5000);
    let placed = 0;
    for (const node of nodes) {
      const box = labelBox(node, text, view, grid);
      expect(box && box.x >= 2 && box.y >= 2 && box.x + box.width <= 1278 && box.y + box.height <= 798).toBe(true);
      if (box) grid.add(box);
      placed++;
    }
    expect(placed).toBe(5000);
    // A label is compared with the boxes of the (at most 3 × 2) cells each of its 4 candidate boxes touches, at most
    // `crowd` boxes a cell: linear in the labels. A flat list compares each candidate with every label placed, some
    // 4 × 5,000² / 2 = 50 million comparisons for the same scatter.
    const perLabel = 4 * 6 * grid.crowd;
    expect(grid.comparisons).toBeLessThanOrEqual(5000 * perLabel);
    expect(grid.comparisons).toBeLessThan(5_000_000);
  });

  it('still moves a label off its neighbour', () => {
    const grid = new BoxGrid();
    const first = labelBox({ x: 100, y: 100, size: 10 }, text, view, grid) as NonNullable<ReturnType<typeof labelBox>>;
    grid.add(first);
    const second = labelBox({ x: 100, y: 110, size: 10 }, text, view, grid);
    expect(second && overlap(second, [first])).toBe(0);
  });
});

describe('fitLabel', () => {
  const measure = (s: string) => s.length * 10;
  it('keeps a label that fits, and shortens one that does not with an ellipsis', () => {
    expect(fitLabel('Google', 60, measure)).toBe('Google');
    expect(fitLabel('unlisted-widgets.example', 100, measure)).toBe('unlisted-…');
    expect(measure(fitLabel('unlisted-widgets.example', 100, measure))).toBeLessThanOrEqual(100);
    expect(fitLabel('Google', 5, measure)).toBe('');
  });
});

describe('keyboard', () => {
  const graph = buildGraph(
    [
      { site: 'b.com', company: 'google' },
      { site: 'a.com', company: 'google' },
      { site: 'a.com', company: 'meta' },
    ],
    () => ({ kind: 'tracker', category: 'advertising' }),
  );
  const order = keyboardOrder(graph.nodes, (n) => n.key);

  it('visits the companies on the most sites first, then the sites by name', () => {
    expect(order).toEqual(['c:google', 'c:meta', 's:a.com', 's:b.com']);
  });

  it('steps with the arrows, wraps round, jumps with Home and End, lets go with Escape', () => {
    expect(stepKey('ArrowRight', order, undefined)).toEqual({ next: 'c:google' });
    expect(stepKey('ArrowDown', order, 'c:google')).toEqual({ next: 'c:meta' });
    expect(stepKey('ArrowRight', order, 's:b.com')).toEqual({ next: 'c:google' });
    expect(stepKey('ArrowLeft', order, 'c:google')).toEqual({ next: 's:b.com' });
    expect(stepKey('ArrowLeft', order, undefined)).toEqual({ next: 's:b.com' });
    expect(stepKey('End', order, undefined)).toEqual({ next: 's:b.com' });
    expect(stepKey('Home', order, 's:a.com')).toEqual({ next: 'c:google' });
    expect(stepKey('Escape', order, 'c:meta')).toEqual({ next: undefined });
    // Other keys stay the page's (the classroom's P, R, F, A; Tab).
    expect(stepKey('p', order, 'c:meta')).toBeUndefined();
    expect(stepKey('Tab', order, 'c:meta')).toBeUndefined();
  });
});

describe('fillStretch', () => {
  it('stretches a wide graph down a square canvas, a tall one across a wide canvas, by at most the limit', () => {
    expect(fillStretch({ width: 200, height: 100 }, { width: 400, height: 400 })).toEqual({ x: 1, y: 2 });
    expect(fillStretch({ width: 100, height: 100 }, { width: 600, height: 400 })).toEqual({ x: 1.5, y: 1 });
    expect(fillStretch({ width: 1000, height: 10 }, { width: 400, height: 400 }, 2)).toEqual({ x: 1, y: 2 });
    // A graph already the canvas's shape, and a single point, stay as they are.
    expect(fillStretch({ width: 300, height: 200 }, { width: 600, height: 400 })).toEqual({ x: 1, y: 1 });
    expect(fillStretch({ width: 0, height: 0 }, { width: 600, height: 400 })).toEqual({ x: 1, y: 1 });
  });
});
