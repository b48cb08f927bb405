import { setTimeout as sleep } from 'node:timers/promises';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { LatencySummary, Random, summarize, timed } from '@waybill/bench-utils';
import {
  DependencyGraph,
  LiveDependencyGraph,
  ReleaseTrainChange,
  analyzeImpact,
  dependencyNeighbourhood,
  findCycles,
  planDeployOrder,
  planReleaseTrain,
} from '@waybill/plugin-dependency-map-common';
import { withCatalogRelations } from './catalogRelations';
import { Estate } from './estate';

/** How many times each query runs (after its warm-up runs). */
export interface QuerySamples {
  deployOrderWhole: number;
  deployOrderSet: number;
  cycles: number;
  impact: number;
  /** Calls over the entities with the widest blast radius (each taken in turn). */
  impactWidest: number;
  neighbourhood: number;
  releaseTrain: number;
}

export const DEFAULT_SAMPLES: QuerySamples = {
  deployOrderWhole: 30,
  deployOrderSet: 300,
  cycles: 30,
  impact: 500,
  impactWidest: 100,
  neighbourhood: 500,
  releaseTrain: 200,
};

const WARM_UP = 10;

/** One query's figures: the pure function, and the same question over HTTP. */
export interface QueryResult {
  name: string;
  /** What the inputs were, for people. */
  inputs: string;
  pure?: LatencySummary;
  http?: LatencySummary;
  /** Median response body size over HTTP, bytes. */
  httpBytes?: number;
  /** Why there is no HTTP figure, when there is none. */
  httpNote?: string;
  /** Something about the answers, to show the query did real work (e.g. median affected). */
  answers?: string;
}

/** The inputs of every sample, drawn once so the pure and HTTP runs ask the same questions. */
export interface Inputs {
  sets: string[][];
  /** Deployables retitled one at a time, each giving the live graph a new graph to find cycles in. */
  retitled: string[];
  impact: string[];
  impactWidest: string[];
  neighbourhood: string[];
  trains: ReleaseTrainChange[][];
}

/** How many of the entities with the widest blast radius the worst-case impact row cycles through. */
const WIDEST = 20;
/** Deployables and APIs drawn at random to find the widest among (all of them when fewer). */
export const WIDEST_CANDIDATES = 2000;

/**
 * The entities whose change reaches the most others (the ERP core at the bottom of the estate),
 * by a full impact analysis of {@link WIDEST_CANDIDATES} deployables and APIs drawn at random
 * (every one of them at 50,000 nodes would take about a minute of the run).
 */
export function widestImpactTargets(
  graph: DependencyGraph,
  estate: Estate,
  seed: number,
): string[] {
  const all = [...estate.refs.deployables, ...estate.refs.apis];
  const candidates =
    all.length <= WIDEST_CANDIDATES
      ? all
      : new Random(seed).sample(all, WIDEST_CANDIDATES);
  return candidates
    .map(ref => ({ ref, affected: analyzeImpact(graph, ref).affected.length }))
    .sort((a, b) => b.affected - a.affected || a.ref.localeCompare(b.ref))
    .slice(0, WIDEST)
    .map(t => t.ref);
}

export function drawInputs(
  estate: Estate,
  samples: QuerySamples,
  seed: number,
  widest: readonly string[],
): Inputs {
  const random = new Random(seed);
  const { deployables, nodes, components, apis } = estate.refs;
  const count = (n: number) => n + WARM_UP;
  const impactTargets = [...deployables, ...apis];
  return {
    sets: Array.from({ length: count(samples.deployOrderSet) }, () =>
      random.sample(deployables, random.int(10, 50)),
    ),
    retitled: Array.from({ length: count(samples.cycles) }, () =>
      random.pick(deployables),
    ),
    impact: Array.from({ length: count(samples.impact) }, () =>
      random.pick(impactTargets),
    ),
    impactWidest: Array.from(
      { length: count(samples.impactWidest) },
      (_, i) => widest[i % widest.length],
    ),
    neighbourhood: Array.from({ length: count(samples.neighbourhood) }, () =>
      random.pick(nodes),
    ),
    trains: Array.from({ length: count(samples.releaseTrain) }, () => {
      // Mostly component releases, some API contract changes.
      const apiChanges = random.int(0, 3);
      return [
        ...random.sample(components, 10 - apiChanges).map(entityRef => ({
          entityRef,
          version: `${random.int(1, 9)}.${random.int(0, 20)}.${random.int(
            0,
            9,
          )}`,
        })),
        ...random.sample(apis, apiChanges).map(entityRef => ({
          entityRef,
          version: `${random.int(1, 6)}.${random.int(0, 9)}.0`,
        })),
      ];
    }),
  };
}

export function median(values: number[]): number {
  return summarize(values).p50;
}

/**
 * Runs `fn` on each input; the first {@link WARM_UP} runs are not counted. Inputs may be made
 * as they are taken (a generator): making one is not timed.
 */
export async function sample<I, R>(
  inputs: Iterable<I> | AsyncIterable<I>,
  fn: (input: I) => Promise<R> | R,
  observe?: (result: R) => void,
): Promise<LatencySummary> {
  const samples: number[] = [];
  let i = 0;
  for await (const input of inputs) {
    const { result, ms } = await timed(async () => fn(input));
    if (i++ >= WARM_UP) {
      samples.push(ms);
      observe?.(result);
    }
  }
  return summarize(samples);
}

export const repeat = <T>(value: T, times: number): T[] =>
  Array.from({ length: times + WARM_UP }, () => value);

/** Deploy order (whole estate, random sets) and cycles (served, from scratch), pure. */
async function measureOrderAndCycles(
  graph: DependencyGraph,
  estate: Estate,
  inputs: Inputs,
  samples: QuerySamples,
): Promise<QueryResult[]> {
  const results: QueryResult[] = [];

  let stages = 0;
  results.push({
    name: 'deploy order, whole estate',
    inputs: 'every deployable',
    pure: await sample(
      repeat(undefined, samples.deployOrderWhole),
      () => planDeployOrder(graph),
      r => {
        stages = r.stages.length;
      },
    ),
    answers: `${stages} stages`,
  });

  const setStages: number[] = [];
  results.push({
    name: 'deploy order, set of 10-50',
    inputs: `${samples.deployOrderSet} random sets of deployables`,
    pure: await sample(
      inputs.sets,
      entityRefs => planDeployOrder(graph, { entityRefs }),
      r => setStages.push(r.stages.length),
    ),
    answers: `median ${median(setStages)} stages`,
  });

  let cycles = 0;
  results.push({
    name: 'cycles (SCC), served graph',
    inputs: 'findCycles on the indexed graph',
    pure: await sample(
      repeat(undefined, samples.cycles),
      () => findCycles(graph),
      r => {
        cycles = r.length;
      },
    ),
    answers: `${cycles} cycles`,
  });

  // The served graph's cycles are kept per graph, so that figure is a lookup: also time the
  // work itself as the plugin does it after every catalog change: findCycles on the new graph
  // of a live graph that one changed entity was applied to (its edge view, Tarjan's
  // components, the cycles described). Applying the change is not timed.
  results.push({
    name: 'cycles (SCC), from scratch',
    inputs:
      'findCycles on the new graph after each of 30 single-entity changes',
    pure: await sample(changedGraphs(estate, inputs.retitled), g =>
      findCycles(g),
    ),
    httpNote:
      'no route of its own: found once per new graph, deploy order names them as blockers',
  });

  return results;
}

/** Impact (random, widest), neighbourhoods and release-train plans, pure. */
async function measureReach(
  graph: DependencyGraph,
  inputs: Inputs,
  samples: QuerySamples,
  widest: readonly string[],
): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  const affected: number[] = [];
  results.push({
    name: 'impact (blast radius)',
    inputs: `${samples.impact} random deployables and APIs`,
    pure: await sample(
      inputs.impact,
      ref => analyzeImpact(graph, ref),
      r => affected.push(r.affected.length),
    ),
    answers: `median ${median(affected)} affected, max ${Math.max(
      ...affected,
    )}`,
  });

  const widestAffected: number[] = [];
  results.push({
    name: 'impact, widest 20',
    inputs: `the ${widest.length} entities whose change reaches the most others, of ${WIDEST_CANDIDATES} drawn`,
    pure: await sample(
      inputs.impactWidest,
      ref => analyzeImpact(graph, ref),
      r => widestAffected.push(r.affected.length),
    ),
    answers: `${Math.min(...widestAffected)}-${Math.max(
      ...widestAffected,
    )} affected`,
  });

  const sizes: number[] = [];
  results.push({
    name: 'neighbourhood, depth 2',
    inputs: `${samples.neighbourhood} random nodes, both directions`,
    pure: await sample(
      inputs.neighbourhood,
      entityRef => dependencyNeighbourhood(graph, { entityRef, depth: 2 }),
      r => sizes.push(r.nodes.length),
    ),
    answers: `median ${median(sizes)} nodes (limit 500)`,
  });

  const trainStages: number[] = [];
  results.push({
    name: 'release-train plan, 10 changes',
    inputs: `${samples.releaseTrain} random trains`,
    pure: await sample(
      inputs.trains,
      changes => planReleaseTrain(graph, changes),
      r => trainStages.push(r.stages.length),
    ),
    answers: `median ${median(trainStages)} stages`,
  });

  return results;
}

/**
 * The queries on the graph as the backend holds it (indexed once at build, as
 * CatalogDependencyGraph does): each pure function of -common, timed per call.
 */
export async function measurePure(
  graph: DependencyGraph,
  estate: Estate,
  samples: QuerySamples,
  seed: number,
  widest: readonly string[],
): Promise<QueryResult[]> {
  const inputs = drawInputs(estate, samples, seed, widest);
  findCycles(graph); // indexes the graph, as a build does
  return [
    ...(await measureOrderAndCycles(graph, estate, inputs, samples)),
    ...(await measureReach(graph, inputs, samples, widest)),
  ];
}

/** The pause after each forced collection of {@link changedGraphs}, for its sweeping. */
const SWEEP_MS = 100;

/**
 * The estate in a live graph as the plugin keeps it (entities with the catalog's relations),
 * then, for each of `refs` in turn, the new graph once that entity's title changed. A full
 * collection (the bench runs with --expose-gc) follows each change, untimed, and then
 * {@link SWEEP_MS} for the collector to sweep the freed pages: a sample is the work of finding
 * the cycles, not a pause collecting what the change left behind (the event-to-graph figure has
 * those) nor the sweeping that the forced collection leaves to the allocations after it (the
 * 50k estate's 60 changes outside the bench: p95 34-45 ms timed straight after the collection,
 * 22 ms after a 50 ms pause; p50 15-19 ms either way).
 */
async function* changedGraphs(
  estate: Estate,
  refs: readonly string[],
): AsyncGenerator<DependencyGraph> {
  const byRef = new Map(
    withCatalogRelations(estate.entities).map(entity => [
      stringifyEntityRef(entity),
      entity,
    ]),
  );
  const live = new LiveDependencyGraph();
  live.apply(byRef);
  for (const [i, ref] of refs.entries()) {
    const entity = byRef.get(ref)!;
    live.apply(
      new Map([
        [ref, { ...entity, metadata: { ...entity.metadata, title: `v${i}` } }],
      ]),
    );
    const graph = live.graph();
    (globalThis as { gc?: () => void }).gc?.();
    await sleep(SWEEP_MS);
    yield graph;
  }
}
