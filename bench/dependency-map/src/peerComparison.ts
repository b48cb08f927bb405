import { performance } from 'node:perf_hooks';
import { mockCredentials } from '@backstage/backend-test-utils';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { LatencySummary, Random, summarize } from '@waybill/bench-utils';
import {
  DEFAULT_NODE_KINDS,
  MAX_NODES_LIMIT,
} from '@waybill/plugin-dependency-map-common';
import {
  CatalogGraphFilter,
  CountingFetch,
  countedCatalogClient,
  loadCatalogGraph,
} from './catalogGraphPeer';
import { Estate } from './estate';
import { median } from './queries';

/*
 * Waybill and Backstage's catalog graph asked the same questions of the same catalog, in the same
 * run: an entity's neighbourhood of depth 2, and the whole estate. Each side's requests, bytes
 * received and time, from the first request sent to the last answer read.
 */

/** One side's answers to one question. */
export interface PeerSide {
  /** Requests per question (median). */
  requests: number;
  /** Bytes received per question (median; JSON bodies as read). */
  bytes: number;
  /** Nodes (Waybill) or entities (catalog graph) in the answer (median). */
  nodes: number;
  time: LatencySummary;
}

export interface PeerQuestion {
  name: string;
  /** What each side was asked, for people. */
  asked: { waybill: string; catalogGraph: string };
  questions: number;
  waybill: PeerSide;
  catalogGraph: PeerSide;
}

/** The neighbourhood questions asked of both (after one warm-up each), and the whole estate's. */
export const PEER_NEIGHBOURHOODS = 50;
export const PEER_ESTATE_RUNS = 2;

/** The kinds both sides draw: the kinds that are graph nodes in Waybill (the catalog graph's kinds filter). */
const KINDS = DEFAULT_NODE_KINDS;

async function askMany<T>(
  counter: CountingFetch,
  inputs: readonly T[],
  ask: (input: T) => Promise<number>,
): Promise<PeerSide> {
  const times: number[] = [];
  const requests: number[] = [];
  const bytes: number[] = [];
  const nodes: number[] = [];
  for (const [i, input] of inputs.entries()) {
    counter.reset();
    const start = performance.now();
    const answered = await ask(input);
    if (i === 0 && inputs.length > 1) continue; // warm-up
    times.push(performance.now() - start);
    requests.push(counter.requests);
    bytes.push(counter.bytes);
    nodes.push(answered);
  }
  return {
    requests: median(requests),
    bytes: median(bytes),
    nodes: median(nodes),
    time: summarize(times),
  };
}

/**
 * Both sides on the catalog and plugin at `baseUrl`: `PEER_NEIGHBOURHOODS` random nodes'
 * neighbourhoods of depth 2 (Waybill: `GET .../neighbourhood?depth=2`; the catalog graph: its
 * load with `maxDepth` 2 from the node), then the whole estate (Waybill: `GET
 * /estate?maxNodes=<route limit>`; the catalog graph: its page's default `maxDepth` (infinite)
 * from every product Domain).
 */
export async function comparePeers(
  baseUrl: string,
  estate: Estate,
  seed: number,
): Promise<PeerQuestion[]> {
  const counter = new CountingFetch(mockCredentials.user.header());
  const catalog = countedCatalogClient(baseUrl, counter);
  const api = `${baseUrl}/api/dependency-map`;
  const waybill = async (path: string) => {
    const res = await counter.fetch(`${api}${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return ((await res.json()) as { nodes: unknown[] }).nodes.length;
  };
  const catalogGraph = async (roots: string[], filter: CatalogGraphFilter) =>
    (await loadCatalogGraph(catalog, roots, filter)).entities;

  const random = new Random(seed + 17);
  const focus = Array.from({ length: PEER_NEIGHBOURHOODS + 1 }, () =>
    random.pick(estate.refs.nodes),
  );
  const path = (ref: string) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    return `/entities/${kind}/${namespace}/${name}/neighbourhood?depth=2`;
  };
  const neighbourhood: PeerQuestion = {
    name: 'neighbourhood, depth 2',
    asked: {
      waybill: 'GET /entities/:kind/:ns/:name/neighbourhood?depth=2',
      catalogGraph: `getEntitiesByRefs per depth level, maxDepth 2, kinds ${KINDS.join(
        '/',
      )}, all relation types`,
    },
    questions: PEER_NEIGHBOURHOODS,
    waybill: await askMany(counter, focus, ref => waybill(path(ref))),
    catalogGraph: await askMany(counter, focus, ref =>
      catalogGraph([ref], { maxDepth: 2, kinds: KINDS }),
    ),
  };

  const domains = estate.entities
    .filter(e => e.kind === 'Domain' && e.spec?.type !== 'business-process')
    .map(e => stringifyEntityRef(e));
  const runs = Array.from({ length: PEER_ESTATE_RUNS + 1 }, () => undefined);
  const wholeEstate: PeerQuestion = {
    name: 'whole estate',
    asked: {
      waybill: `GET /estate?maxNodes=${MAX_NODES_LIMIT} (the route's limit)`,
      catalogGraph: `getEntitiesByRefs per depth level, maxDepth infinite (the page's default) from the ${domains.length} product Domains`,
    },
    questions: PEER_ESTATE_RUNS,
    waybill: await askMany(counter, runs, () =>
      waybill(`/estate?maxNodes=${MAX_NODES_LIMIT}`),
    ),
    catalogGraph: await askMany(counter, runs, () =>
      catalogGraph(domains, { maxDepth: Infinity, kinds: KINDS }),
    ),
  };
  return [neighbourhood, wholeEstate];
}
