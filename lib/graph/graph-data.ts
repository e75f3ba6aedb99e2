import type { FlowKind } from '../classify/classify.ts';
import { isUnlistedId } from '../trackers/company.ts';

/**
 * The sites ↔ companies graph, Lightbeam's but grouped by company: one node per site, one per company, one edge per
 * (site, company) that exchanged data (each pair once). Positions are a deterministic starting layout — companies on a spiral by
 * size, each site near the companies it fed — so the graph is readable before ForceAtlas2 refines it.
 */
export interface GraphData {
  /** Node ids: `c:<company>` then `s:<site>`. */
  nodes: GraphNode[];
  edges: { source: number; target: number }[];
  /** Connections in the window, before the cap. */
  totalEdges: number;
}

export interface GraphNode {
  id: string;
  type: 'company' | 'site';
  /** The company id or the site. */
  key: string;
  kind?: FlowKind;
  category?: string;
  /** Edges drawn at this node. */
  degree: number;
  /**
   * Connections in the window, before the cap: for a company the sites it got data from, for a site the companies
   * it sent data to.
   */
  reach: number;
  /** A company's requests in the window, where known. */
  requests?: number;
  x: number;
  y: number;
}

/** Most connections drawn. Every site and company is drawn; beyond the cap, the other connections are in the lists. */
export const MAX_EDGES = 10_000;

export interface GraphFlow {
  site: string;
  company: string;
}

/**
 * The graph of the given connections. Over `maxEdges`, every node keeps one connection (so no site or company
 * disappears), then the connections of the companies on the most sites fill the rest.
 */
export function buildGraph(
  flows: GraphFlow[],
  companyOf: (id: string) => { kind: FlowKind; category: string; requests?: number } | undefined,
  maxEdges = MAX_EDGES,
): GraphData {
  // Reach counts every connection, drawn or not: the card says how many sites a company is on, not how many edges.
  const reach = new Map<string, number>();
  for (const { site, company } of flows) {
    reach.set(`c:${company}`, (reach.get(`c:${company}`) ?? 0) + 1);
    reach.set(`s:${site}`, (reach.get(`s:${site}`) ?? 0) + 1);
  }
  const kept = flows.length > maxEdges ? capEdges(flows, maxEdges) : flows;
  // Plain loops and index maps: this runs once per page load, before the JIT has warmed up.
  const nodes: GraphNode[] = [];
  const companyIndex = new Map<string, number>();
  const siteIndex = new Map<string, number>();
  const edges: GraphData['edges'] = new Array(kept.length);
  for (let e = 0; e < kept.length; e++) {
    const { site, company } = kept[e] as GraphFlow;
    let target = companyIndex.get(company);
    if (target === undefined) {
      target = nodes.length;
      companyIndex.set(company, target);
      const info = companyOf(company);
      const unlisted = isUnlistedId(company);
      nodes.push({
        id: `c:${company}`,
        type: 'company',
        key: company,
        kind: info?.kind ?? (unlisted ? 'unlisted' : 'tracker'),
        category: info?.category ?? (unlisted ? 'unlisted' : 'misc'),
        ...(info?.requests !== undefined ? { requests: info.requests } : {}),
        degree: 0,
        reach: reach.get(`c:${company}`) ?? 0,
        x: 0,
        y: 0,
      });
    }
    let source = siteIndex.get(site);
    if (source === undefined) {
      source = nodes.length;
      siteIndex.set(site, source);
      nodes.push({
        id: `s:${site}`,
        type: 'site',
        key: site,
        degree: 0,
        reach: reach.get(`s:${site}`) ?? 0,
        x: 0,
        y: 0,
      });
    }
    (nodes[source] as GraphNode).degree++;
    (nodes[target] as GraphNode).degree++;
    edges[e] = { source, target };
  }
  placeNodes(nodes, edges);
  return { nodes, edges, totalEdges: flows.length };
}

function capEdges(flows: GraphFlow[], maxEdges: number): GraphFlow[] {
  const reach = new Map<string, number>();
  for (const f of flows) reach.set(f.company, (reach.get(f.company) ?? 0) + 1);
  const ranked = [...flows].sort(
    (a, b) => (reach.get(b.company) ?? 0) - (reach.get(a.company) ?? 0) || a.company.localeCompare(b.company),
  );
  const kept = new Set<GraphFlow>();
  const take = (f: GraphFlow) => kept.size < maxEdges && kept.add(f);
  // One connection per company, then one per site still alone (to its biggest company)…
  const companies = new Set<string>();
  for (const f of ranked) if (!companies.has(f.company) && take(f)) companies.add(f.company);
  const sites = new Set([...kept].map((f) => f.site));
  for (const f of ranked) if (!sites.has(f.site) && take(f)) sites.add(f.site);
  // …then the rest, the companies on the most sites first.
  for (const f of ranked) if (!take(f)) break;
  return [...kept];
}

/** Companies on a golden-angle spiral, biggest in the middle; each site at the mean of its companies, jittered. */
function placeNodes(nodes: GraphNode[], edges: GraphData['edges']): void {
  const companies = nodes
    .filter((n) => n.type === 'company')
    // Ties by id in code-unit order: the same on every machine, and quicker than a collation.
    .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const golden = Math.PI * (3 - Math.sqrt(5));
  companies.forEach((n, i) => {
    const r = 10 * Math.sqrt(i + 1);
    n.x = r * Math.cos(i * golden);
    n.y = r * Math.sin(i * golden);
  });
  const sumX = new Float64Array(nodes.length);
  const sumY = new Float64Array(nodes.length);
  for (const e of edges) {
    const company = nodes[e.target] as GraphNode;
    sumX[e.source] = (sumX[e.source] as number) + company.x;
    sumY[e.source] = (sumY[e.source] as number) + company.y;
  }
  for (let i = 0; i < nodes.length; i++) {
    const site = nodes[i] as GraphNode;
    if (site.type !== 'site' || !site.degree) continue;
    // A stable jitter from the name, so sites sharing companies do not sit on one point.
    const h = hash(site.key);
    const angle = ((h % 3600) / 3600) * 2 * Math.PI;
    const radius = 2 + ((h >>> 12) % 100) / 25;
    site.x = (sumX[i] as number) / site.degree + radius * Math.cos(angle);
    site.y = (sumY[i] as number) / site.degree + radius * Math.sin(angle);
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The nodes whose label or key contains the query (case-insensitive): the graph's search. */
export function searchGraph(data: GraphData, query: string, labelOf: (n: GraphNode) => string): GraphNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return data.nodes.filter((n) => labelOf(n).toLowerCase().includes(q) || n.key.toLowerCase().includes(q));
}

/** The graph as rows: each company with the sites it is connected to, the most connected first. */
export function connectionRows(
  data: GraphData,
  labelOf: (n: GraphNode) => string,
): { node: GraphNode; sites: string[] }[] {
  const sitesOf = new Map<number, string[]>();
  for (const e of data.edges) {
    const list = sitesOf.get(e.target) ?? [];
    list.push((data.nodes[e.source] as GraphNode).key);
    sitesOf.set(e.target, list);
  }
  return [...sitesOf]
    .map(([i, sites]) => ({ node: data.nodes[i] as GraphNode, sites: sites.sort() }))
    .sort((a, b) => b.sites.length - a.sites.length || labelOf(a.node).localeCompare(labelOf(b.node)));
}
