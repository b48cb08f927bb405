import { parseEntityRef } from '@waybill/plugin-waybill-common';
import { DependencyEdge, DependencyNode, EVENT_API_TYPES } from '../model';
import { EntityReading } from './readEntity';
import { RelationIndex, sourceId, stands, targetId } from './relationIndex';

/** What deriving a ref's node and edges reads of the estate. */
export interface EstateState {
  readonly readings: ReadonlyMap<string, EntityReading>;
  readonly relations: RelationIndex;
  /** Nodes derived so far (the refs being derived have theirs already). */
  readonly nodes: Pick<ReadonlyMap<string, DependencyNode>, 'has' | 'get'>;
  /** Whether a ref is a business process, declared or only named. */
  isProcess(ref: string): boolean;
  /** The nodes providing an API (see {@link apiProviders}); may be kept for a derivation. */
  providersOf(api: string): readonly Provider[];
}

/** A node providing an API: its ref and id. */
export type Provider = readonly [ref: string, id: number];

/** The nodes an API's `providesApi` relations come from. */
export function apiProviders(state: EstateState, api: string): Provider[] {
  const providers: Provider[] = [];
  for (const [provider, counts] of state.relations.to(api)) {
    if (stands(counts, 'providesApi') && state.nodes.has(provider)) {
      providers.push([provider, sourceId(counts)]);
    }
  }
  return providers;
}

/** The edges leaving a node, with the id of each one's target (in the relation index). */
export interface NodeEdges {
  edges: DependencyEdge[];
  targets: number[];
}

/** The first of some refs in code-unit order (deterministic whatever order they came in). */
function first(refs: Iterable<string>): string | undefined {
  let found: string | undefined;
  for (const ref of refs) if (found === undefined || ref < found) found = ref;
  return found;
}

/**
 * The entity nodes with relations to a ref that is no entity; undefined when there are none, or
 * when it is a business process (then it is no node).
 */
function referrers(state: EstateState, ref: string): string[] | undefined {
  if (state.isProcess(ref)) return undefined;
  const from = [...state.relations.to(ref).keys()].filter(
    source => state.readings.get(source)?.node,
  );
  return from.length > 0 ? from : undefined;
}

/** A node only referred to: marked `missing`; undefined when its ref cannot be read. */
function missingNode(ref: string): DependencyNode | undefined {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    return {
      ref,
      kind,
      namespace,
      name,
      title: name,
      businessProcesses: [],
      missing: true,
    };
  } catch {
    return undefined;
  }
}

/**
 * A ref's node, if it is one: the node its entity reads as, or, for a ref that is no entity (nor
 * a business process) and that an entity node has a relation to, a node marked `missing`. Both
 * take what their `partOf` relations say: the processes they join (after the ones they name,
 * in ref order) and their system (the first in ref order).
 */
export function deriveNode(
  state: EstateState,
  ref: string,
): DependencyNode | undefined {
  const read = state.readings.get(ref)?.node;
  const base = read ?? (referrers(state, ref) ? missingNode(ref) : undefined);
  if (!base) return undefined;
  let joined: string[] | undefined;
  let system: string | undefined;
  for (const [target, counts] of state.relations.from(ref)) {
    if (!stands(counts, 'partOf')) continue;
    if (state.isProcess(target)) {
      if (!base.businessProcesses.includes(target))
        (joined ??= []).push(target);
    } else if (
      target.startsWith('system:') &&
      (system === undefined || target < system)
    ) {
      system = target;
    }
  }
  if (!joined && !system) return base;
  return {
    ...base,
    ...(joined
      ? { businessProcesses: [...base.businessProcesses, ...joined.sort()] }
      : {}),
    ...(system ? { system } : {}),
  };
}

/** The warning a node only referred to carries: the first entity node referring to it. */
export function missingNodeWarning(state: EstateState, ref: string): string {
  return `${first(
    referrers(state, ref) ?? [],
  )}: refers to ${ref}, which is not in the catalog read`;
}

/** Whether an edge may end at `ref`: it is a node (a business process is not, unless read as one). */
function endsAt(state: EstateState, ref: string): boolean {
  return state.nodes.has(ref);
}

/**
 * The edges a consumer has to the providers of the APIs it consumes: one per provider and
 * type (`subscribesTo` for event APIs, else `usesApi`), naming every API between them.
 */
function apiUseEdges(
  state: EstateState,
  consumer: string,
  apis: readonly string[],
  out: NodeEdges,
): void {
  const edges = new Map<string, DependencyEdge>();
  for (const api of apis) {
    const apiType = state.nodes.get(api)?.type;
    const type =
      apiType && EVENT_API_TYPES.includes(apiType) ? 'subscribesTo' : 'usesApi';
    for (const [provider, id] of state.providersOf(api)) {
      if (provider === consumer) continue;
      const key = `${type}|${provider}`;
      const edge = edges.get(key);
      if (edge) edge.apis!.push(api);
      else {
        const added: DependencyEdge = {
          source: consumer,
          target: provider,
          type,
          apis: [api],
        };
        edges.set(key, added);
        out.edges.push(added);
        out.targets.push(id);
      }
    }
  }
  for (const edge of edges.values()) edge.apis!.sort();
}

/**
 * The edges leaving a node, from the relations that stand: `dependsOn` (`servedBy` from a
 * tenant), `consumesApi`, `partOf` (unless to a business process, which the node joins instead),
 * `apiProvidedBy` (an API to each node providing it), and the API relations collapsed between
 * deployables (see {@link apiUseEdges}). An edge needs both ends to be nodes.
 */
export function deriveEdges(
  state: EstateState,
  ref: string,
  node: DependencyNode,
): NodeEdges {
  const out: NodeEdges = { edges: [], targets: [] };
  const add = (edge: DependencyEdge, target: number) => {
    out.edges.push(edge);
    out.targets.push(target);
  };
  const consumed: string[] = [];
  for (const [target, counts] of state.relations.from(ref)) {
    if (!endsAt(state, target)) continue;
    const id = targetId(counts);
    if (stands(counts, 'partOf') && !state.isProcess(target)) {
      add({ source: ref, target, type: 'partOf' }, id);
    }
    if (stands(counts, 'dependsOn')) {
      add(
        { source: ref, target, type: node.tenant ? 'servedBy' : 'dependsOn' },
        id,
      );
    }
    if (stands(counts, 'consumesApi')) {
      add({ source: ref, target, type: 'consumesApi' }, id);
      consumed.push(target);
    }
  }
  for (const [provider, id] of state.providersOf(ref)) {
    add({ source: ref, target: provider, type: 'apiProvidedBy' }, id);
  }
  apiUseEdges(state, ref, consumed, out);
  return out;
}
