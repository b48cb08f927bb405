import { InputError } from '@backstage/errors';
import valid from 'semver/functions/valid';
import {
  ApiCompatibility,
  checkApiCompatibility,
  compareApiVersion,
} from './apiCompatibility';
import { placeInStages } from './deployOrder';
import {
  EdgeView,
  buildEdgeView,
  graphIndex,
  normalizeEntityRef,
} from './graphIndex';
import { DependencyGraph, ORDERING_EDGE_TYPES } from './model';
import type { DependencyMapSchemas as Schemas } from './schema/openapi.generated';

/**
 * One change in a release train: an entity (a Component or Resource, i.e. a release, or an API,
 * i.e. the contract version its provider will expose) and the version it moves to.
 */
export type ReleaseTrainChange =
  Schemas['ReleaseTrainRequest']['changes'][number];

/**
 * A change as planned: `stage` is the stage it goes out in (0 first); for APIs, `currentVersion`
 * is the version before the train and `ridesWith` the providers whose deployment makes the new
 * version live; for the others, `tenants` how many tenants it serves (their `spec.dependsOn`
 * names it), which a tenant rollout of the release goes to.
 */
export type PlannedChange = Schemas['PlannedChange'];

/**
 * One stage of a release train: changes that may go out in parallel once earlier stages are out;
 * `blockers` are indices into {@link ReleaseTrainPlan.blockers} of the cycles in this stage.
 */
export type ReleaseTrainStage = Schemas['ReleaseTrainStage'];

/**
 * A change that would break if it went out before another change of the train: `consumer` must
 * wait for `needs`. `needs-new-api-version`: its required range (`range` of `api`) is met by the
 * train's API version but not the current one. `listed-before-provider`: the request lists it
 * before a change it depends on.
 */
export type PrematureConsumer = Schemas['PrematureConsumer'];

/**
 * A release-train plan: the safe order of a set of changes and what stands in its way. `changes`
 * are the planned ones in request order, each with its stage; `rejected` the ones that could not
 * be planned, each with why; `sequence` is the entity refs in a safe order (stage
 * by stage, request order within a stage); `blockers` are the cycles among the changes (they go
 * out together or the cycle must be broken first); `incompatibilities` are requirements touched by
 * the train (its consumers, its APIs) that the versions after the train do not satisfy;
 * `prematureConsumers` would break if they went out before what they need; `safe` when there are
 * neither blockers nor incompatibilities and every change was planned. The response adds the
 * graph it was answered from.
 */
export type ReleaseTrainPlan = Omit<Schemas['ReleaseTrainResponse'], 'graph'>;

/**
 * A change of the request that could not be planned: `index` is its position in the request (0
 * first), `entityRef` and `version` as sent, `reason` and `message` why, in words.
 */
export type RejectedChange = Schemas['RejectedChange'];

/**
 * The train's members as node indices with their changes and positions, and the changes that
 * cannot be planned (see {@link planReleaseTrain}). Throws only on a train without changes.
 */
function resolveTrain(
  graph: DependencyGraph,
  changes: readonly ReleaseTrainChange[],
): {
  members: number[];
  memberChanges: ReleaseTrainChange[];
  position: Map<number, number>;
  rejected: RejectedChange[];
} {
  if (changes.length === 0) {
    throw new InputError('A release train needs at least one change');
  }
  const { indexOf } = graphIndex(graph);
  const members: number[] = [];
  const memberChanges: ReleaseTrainChange[] = [];
  const position = new Map<number, number>();
  const firstListed = new Map<number, number>();
  const rejected: RejectedChange[] = [];
  changes.forEach((change, index) => {
    const { entityRef, version } = change;
    const reject = (reason: RejectedChange['reason'], message: string) =>
      rejected.push({ index, entityRef, version, reason, message });
    const normalized = normalizeEntityRef(change.entityRef);
    if (normalized === undefined) {
      reject(
        'unreadable-ref',
        `"${change.entityRef}" cannot be read as an entity ref (write it as kind:namespace/name, e.g. component:default/inventory)`,
      );
      return;
    }
    const m = indexOf.get(normalized);
    if (m === undefined) {
      // As for a hidden entity: the same words.
      reject(
        'unknown-entity',
        `No entity "${change.entityRef}" in the dependency map (it holds Components, APIs, Resources, Systems and Domains read from the catalog)`,
      );
      return;
    }
    const node = graph.nodes[m];
    const first = firstListed.get(m);
    if (first !== undefined) {
      reject(
        'duplicate',
        `${node.ref} is listed more than once (first as change ${
          first + 1
        }): list it once`,
      );
      return;
    }
    firstListed.set(m, index);
    if (node.kind === 'api' && valid(change.version.trim()) === null) {
      reject(
        'invalid-version',
        `${node.ref}: API version "${change.version}" is not semver x.y.z`,
      );
      return;
    }
    position.set(m, members.length);
    members.push(m);
    memberChanges.push(change);
  });
  return { members, memberChanges, position, rejected };
}

/** The API checks a train touches and the edges that order it. */
interface TrainConstraints {
  incompatibilities: ApiCompatibility[];
  /** Consumers in the train whose range only the train's API version meets. */
  needsNewVersion: ApiCompatibility[];
  view: EdgeView;
}

function trainConstraints(
  graph: DependencyGraph,
  changes: readonly ReleaseTrainChange[],
  members: number[],
): TrainConstraints {
  const index = graphIndex(graph);
  const inTrain = new Set(members.map(m => graph.nodes[m].ref));
  const apiVersions = new Map<string, string>();
  members.forEach((m, i) => {
    if (graph.nodes[m].kind === 'api') {
      apiVersions.set(graph.nodes[m].ref, changes[i].version.trim());
    }
  });
  const touched = checkApiCompatibility(graph, {
    apiVersions,
    include: (consumer, api) => inTrain.has(consumer) || inTrain.has(api),
  });
  const incompatibilities = touched.filter(c => c.status !== 'compatible');

  // A consumer whose range only the train's API version meets must follow that API's
  // providers. Request/response APIs already order it (usesApi); for event APIs the
  // subscription becomes a constraint for this train only.
  const needsNewVersion = touched.filter(check => {
    if (check.status !== 'compatible' || check.versionSource !== 'train') {
      return false;
    }
    if (!inTrain.has(check.consumer)) return false;
    const api = graph.nodes[index.indexOf.get(check.api)!];
    return compareApiVersion(check.range, api.apiVersion) !== 'compatible';
  });
  const subscriptions = new Set(
    needsNewVersion.flatMap(check =>
      check.providers.map(provider => `${check.consumer}\n${provider}`),
    ),
  );
  const orderingTypes = new Set<string>(ORDERING_EDGE_TYPES);
  const view =
    subscriptions.size === 0
      ? index.view(ORDERING_EDGE_TYPES)
      : buildEdgeView(index, i => {
          const edge = graph.edges[i];
          return (
            orderingTypes.has(edge.type) ||
            (edge.type === 'subscribesTo' &&
              subscriptions.has(`${edge.source}\n${edge.target}`))
          );
        });
  return { incompatibilities, needsNewVersion, view };
}

/** Each member as planned: its stage, and for an API its current version and providers. */
function plannedChanges(
  graph: DependencyGraph,
  changes: readonly ReleaseTrainChange[],
  members: number[],
  stageOf: Map<number, number>,
): Map<number, PlannedChange> {
  const index = graphIndex(graph);
  const providedBy = index.view(['apiProvidedBy']).forward;
  // Tenants point at what serves them: a node's `servedBy` predecessors are its tenants.
  const servedBy = index.view(['servedBy']).reverse;
  const planned = new Map<number, PlannedChange>();
  members.forEach((m, i) => {
    const node = graph.nodes[m];
    const change: PlannedChange = {
      entityRef: node.ref,
      kind: node.kind,
      type: node.type,
      title: node.title,
      version: changes[i].version.trim(),
      stage: stageOf.get(m)!,
    };
    if (node.kind !== 'api') {
      change.tenants = servedBy.offsets[m + 1] - servedBy.offsets[m];
    } else {
      change.currentVersion = node.apiVersion;
      const providers: string[] = [];
      for (let s = providedBy.offsets[m]; s < providedBy.offsets[m + 1]; s++) {
        providers.push(graph.nodes[providedBy.targets[s]].ref);
      }
      if (providers.length > 0) change.ridesWith = providers;
    }
    planned.set(m, change);
  });
  return planned;
}

/** The consumers that must follow the providers of an API version only this train brings. */
function newVersionConsumers(
  graph: DependencyGraph,
  needsNewVersion: ApiCompatibility[],
  planned: Map<number, PlannedChange>,
): PrematureConsumer[] {
  const { indexOf } = graphIndex(graph);
  return needsNewVersion.map(check => {
    const api = graph.nodes[indexOf.get(check.api)!];
    const consumer = planned.get(indexOf.get(check.consumer)!)!;
    return {
      consumer: check.consumer,
      needs: check.api,
      reason: 'needs-new-api-version',
      api: check.api,
      range: check.range,
      message: `${consumer.title} requires ${api.title} ${
        check.range
      }, which only ${check.version} from this train satisfies (it is at ${
        api.apiVersion ?? 'no version'
      } now): it must go out after ${
        check.providers.length > 0
          ? check.providers
              .map(p => graph.nodes[indexOf.get(p)!].title)
              .join(', ')
          : api.title
      }`,
    };
  });
}

/**
 * Plans a release train: the stages and safe sequence (providers first, constraints through
 * entities outside the train respected, an API change going live with its provider), the cycles
 * that prevent a strict order, the API requirements the train leaves unsatisfied and the
 * consumers that would otherwise go out before what they need.
 *
 * A bad change does not fail the plan: a ref that cannot be read or is not in the graph, a ref
 * listed again and an API version that is not semver are answered in `rejected`, each naming its
 * position in the request and why, and the rest is planned (the train is then not `safe`).
 * Throws an `InputError` only for a train without changes. O(nodes + edges + requirements).
 */
export function planReleaseTrain(
  graph: DependencyGraph,
  changes: readonly ReleaseTrainChange[],
): ReleaseTrainPlan {
  const { members, memberChanges, position, rejected } = resolveTrain(
    graph,
    changes,
  );
  const { incompatibilities, needsNewVersion, view } = trainConstraints(
    graph,
    memberChanges,
    members,
  );
  const { stages, stageOf, blockers } = placeInStages(graph, members, view);
  const planned = plannedChanges(graph, memberChanges, members, stageOf);
  const trainStages: ReleaseTrainStage[] = stages.map((stage, s) => ({
    index: s,
    changes: stage.map(m => planned.get(m)!),
    blockers: [],
  }));
  blockers.forEach((b, i) => trainStages[b.stage].blockers.push(i));

  const prematureConsumers = newVersionConsumers(
    graph,
    needsNewVersion,
    planned,
  );
  prematureConsumers.push(
    ...listedBeforeProvider(graph, members, position, planned, view),
  );

  const sequence = trainStages.flatMap(s => s.changes.map(c => c.entityRef));
  return {
    changes: members.map(m => planned.get(m)!),
    sequence,
    stages: trainStages,
    blockers,
    incompatibilities,
    prematureConsumers,
    rejected,
    safe: blockers.length + incompatibilities.length + rejected.length === 0,
  };
}

/**
 * The planned changes a tenant rollout delivers, in the safe order: the releases tenants depend
 * on (an API change goes live with its providers, and has no rollout of its own).
 */
export function rolloutSequence(plan: ReleaseTrainPlan): PlannedChange[] {
  return plan.stages.flatMap(stage =>
    stage.changes.filter(c => c.kind !== 'api' && (c.tenants ?? 0) > 0),
  );
}

/**
 * The changes the request lists before a change they depend on (directly or through entities
 * outside the train), each with the latest-listed such dependency. One pass over the
 * condensation in Tarjan order, carrying the latest request position below each component.
 */
function listedBeforeProvider(
  graph: DependencyGraph,
  members: readonly number[],
  position: ReadonlyMap<number, number>,
  planned: ReadonlyMap<number, PlannedChange>,
  view: EdgeView,
): PrematureConsumer[] {
  const providedBy = graphIndex(graph).view(['apiProvidedBy']).forward;
  const { componentOf, components } = view.components();
  // The latest request position placed in each component: an API's position counts at its
  // providers, where it goes live.
  const own = new Int32Array(components.length).fill(-1);
  const ownMember = new Int32Array(components.length).fill(-1);
  const place = (c: number, m: number) => {
    const p = position.get(m)!;
    if (p > own[c]) {
      own[c] = p;
      ownMember[c] = m;
    }
  };
  for (const m of members) {
    let rides = false;
    if (graph.nodes[m].kind === 'api') {
      for (let s = providedBy.offsets[m]; s < providedBy.offsets[m + 1]; s++) {
        place(componentOf[providedBy.targets[s]], m);
        rides = true;
      }
    }
    if (!rides) place(componentOf[m], m);
  }
  const below = new Int32Array(components.length).fill(-1);
  const belowMember = new Int32Array(components.length).fill(-1);
  const { offsets, targets } = view.forward;
  for (let c = 0; c < components.length; c++) {
    for (const v of components[c]) {
      for (let slot = offsets[v]; slot < offsets[v + 1]; slot++) {
        const d = componentOf[targets[slot]];
        if (d === c) continue;
        if (below[d] > below[c]) {
          below[c] = below[d];
          belowMember[c] = belowMember[d];
        }
        if (own[d] > below[c]) {
          below[c] = own[d];
          belowMember[c] = ownMember[d];
        }
      }
    }
  }
  const found: PrematureConsumer[] = [];
  for (const m of members) {
    if (graph.nodes[m].kind === 'api') continue;
    const c = componentOf[m];
    if (below[c] <= position.get(m)!) continue;
    const needs = planned.get(belowMember[c])!;
    const consumer = planned.get(m)!;
    found.push({
      consumer: consumer.entityRef,
      needs: needs.entityRef,
      reason: 'listed-before-provider',
      message: `${consumer.title} is listed before ${
        needs.title
      }, which it depends on: it goes out in stage ${
        consumer.stage + 1
      }, after ${needs.title} in stage ${needs.stage + 1}`,
    });
  }
  return found;
}
