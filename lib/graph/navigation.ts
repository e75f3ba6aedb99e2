import type { GraphNode } from './graph-data.ts';

/**
 * The order the arrow keys visit a graph's nodes in: the companies on the most sites first (what a reader looks for),
 * then the sites, each group by name.
 */
export function keyboardOrder(nodes: readonly GraphNode[], labelOf: (n: GraphNode) => string): string[] {
  const byName = (a: GraphNode, b: GraphNode) => labelOf(a).localeCompare(labelOf(b));
  const companies = nodes.filter((n) => n.type === 'company').sort((a, b) => b.reach - a.reach || byName(a, b));
  const sites = nodes.filter((n) => n.type === 'site').sort(byName);
  return [...companies, ...sites].map((n) => n.id);
}

/**
 * The node a key selects: arrows step through `order` (wrapping round), Home and End jump to its ends, Escape lets
 * go (`next` undefined). Undefined for a key that is not the graph's, so the page keeps it.
 */
export function stepKey(
  key: string,
  order: readonly string[],
  current: string | undefined,
): { next: string | undefined } | undefined {
  if (key === 'Escape') return { next: undefined };
  if (!order.length) return undefined;
  const at = current === undefined ? -1 : order.indexOf(current);
  if (key === 'ArrowRight' || key === 'ArrowDown') return { next: order[(at + 1) % order.length] };
  if (key === 'ArrowLeft' || key === 'ArrowUp') {
    return { next: order[at < 0 ? order.length - 1 : (at - 1 + order.length) % order.length] };
  }
  if (key === 'Home') return { next: order[0] };
  if (key === 'End') return { next: order[order.length - 1] };
  return undefined;
}
