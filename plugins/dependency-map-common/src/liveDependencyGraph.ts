import type { Entity } from '@backstage/catalog-model';
import {
  BUSINESS_PROCESS_TYPE,
  parseEntityRef,
} from '@waybill/plugin-waybill-common';
import {
  EstateState,
  NodeEdges,
  Provider,
  apiProviders,
  deriveEdges,
  deriveNode,
  missingNodeWarning,
} from './buildGraph/deriveGraph';
import {
  EntityReading,
  readEntity,
  sameReading,
} from './buildGraph/readEntity';
import { edgeTypeCode, seedEdgeEnds } from './graphIndex';
import { RelationIndex, stands } from './buildGraph/relationIndex';
import {
  BusinessProcess,
  DependencyEdge,
  DependencyGraph,
  DependencyNode,
} from './model';

/** The entity kinds that become nodes unless {@link LiveDependencyGraphOptions.kinds} says otherwise. */
export const DEFAULT_NODE_KINDS: readonly string[] = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
];

/** Options of {@link LiveDependencyGraph}. */
export interface LiveDependencyGraphOptions {
  /**
   * Entity kinds (case-insensitive) that become nodes. Business-process Domains always become
   * {@link BusinessProcess} records instead. Default: component, api, resource, system, domain.
   */
  kinds?: readonly string[];
}

/** Entities changed, by lower-case ref: the entity as it now is, or undefined when removed. */
export type EstateChanges = ReadonlyMap<string, Entity | undefined>;

/** The edges of a node not derived yet. */
const NO_EDGES: NodeEdges = { edges: [], targets: [] };

/** A node as the live graph keeps it: its id in the relation index, and its edges. */
interface DerivedNode {
  id: number;
  node: DependencyNode;
  out: NodeEdges;
}

/** See {@link LiveDependencyGraph.held}. */
export interface LiveGraphHeld {
  readings: EntityReading[];
  /** Pairs of refs with relations between them, each indexed at both ends. */
  relationPairs: number;
  /** Refs kept once each. */
  refs: number;
  /** Lists of edges, one per node with edges. */
  edgeLists: number;
}

/**
 * The dependency graph of an estate, kept up to date as entities change: each entity is read
 * once ({@link EntityReading}), its relations counted in an index of both ends, and a change to
 * some entities re-derives only the nodes and edges that can depend on them: the changed
 * entities and their neighbours (the refs at either end of their relations, before and after),
 * the business processes that came or went and their neighbours, and the consumers of the APIs
 * among all these (their collapsed API edges read the APIs' providers). Every relation is read
 * from an entity at one of its ends, so a ref that is no entity only gains or loses its node
 * through a change to a neighbour. {@link graph} answers a new, immutable {@link DependencyGraph}
 * after each change (nodes and edges not re-derived are shared with the previous one), equal
 * to the graph a build of the whole estate gives: a build is the same thing, from nothing.
 */
export class LiveDependencyGraph {
  readonly #kinds: ReadonlySet<string>;
  readonly #readings = new Map<string, EntityReading>();
  readonly #relations = new RelationIndex();
  /** Business processes declared by a Domain, by ref. */
  readonly #declared = new Map<string, BusinessProcess>();
  /** The entity nodes naming each business process, by process ref. */
  readonly #namedBy = new Map<string, Set<string>>();
  /** Each node with its id and the edges leaving it, in the graph's order. */
  readonly #derived = new Map<string, DerivedNode>();
  readonly #missingWarnings = new Map<string, string>();
  #graph?: DependencyGraph;

  constructor(options: LiveDependencyGraphOptions = {}) {
    this.#kinds = new Set(
      (options.kinds ?? DEFAULT_NODE_KINDS).map(k => k.toLowerCase()),
    );
  }

  /** Entities held. */
  get size(): number {
    return this.#readings.size;
  }

  /** Whether the entity of `ref` is held. */
  holds(ref: string): boolean {
    return this.#readings.has(ref);
  }

  /**
   * The refs at the other end of a relation the graph reads with `ref`, named by it or by them
   * (a change to `ref` may change what they read, since the catalog keeps each relation on both
   * of its ends).
   */
  neighbours(ref: string): Set<string> {
    const refs = new Set<string>();
    this.#addNeighbours(ref, refs);
    return refs;
  }

  /**
   * Applies changed entities. Every entity is read before anything changes, so an entity that
   * cannot be read (a throw) leaves the graph as it was; one that reads as it did (or a ref
   * removed that was never held) changes nothing, and nothing is derived for it.
   */
  apply(changes: EstateChanges): void {
    const read = new Map<string, EntityReading | undefined>();
    for (const [key, entity] of changes) {
      const ref = this.#relations.intern(key);
      const reading = entity && this.#read(entity, ref);
      const held = this.#readings.get(ref);
      if (reading && held && sameReading(held, reading)) continue;
      if (!reading && !held) continue;
      read.set(ref, reading);
    }
    if (read.size === 0) return;
    if (this.#readings.size === 0) {
      this.#build(read);
      return;
    }
    const touched = new Set<string>(read.keys());
    const processes = new Map<string, boolean>();
    for (const [ref, reading] of read) {
      this.#retract(ref, touched, processes);
      if (reading) this.#assert(ref, reading, touched, processes);
    }
    const changedProcesses = [...processes]
      .filter(([ref, was]) => was !== this.#isProcess(ref))
      .map(([ref]) => ref);
    for (const ref of [...read.keys(), ...changedProcesses]) {
      touched.add(ref);
      this.#addNeighbours(ref, touched);
    }
    this.#deriveNodes(touched);
    for (const ref of [...touched]) this.#addConsumers(ref, touched);
    this.#deriveEdges(touched);
    this.#graph = undefined;
  }

  /** The first change, from nothing: every ref is derived, in the order the entities came. */
  #build(read: ReadonlyMap<string, EntityReading | undefined>): void {
    const processes = new Map<string, boolean>();
    for (const [ref, reading] of read) {
      if (reading) this.#assert(ref, reading, undefined, processes);
    }
    const refs = new Set(read.keys());
    for (const ref of this.#relations.ends()) refs.add(ref);
    this.#deriveNodes(refs);
    this.#deriveEdges(refs);
    this.#graph = undefined;
  }

  /**
   * The graph as it stands: the same object until the next change. Its index gets the edges'
   * ends from the ids the relation index gave the refs, without a lookup per edge.
   */
  graph(): DependencyGraph {
    if (this.#graph) return this.#graph;
    const position = new Int32Array(this.#relations.refs).fill(-1);
    const nodes: DependencyNode[] = new Array(this.#derived.size);
    let count = 0;
    let n = 0;
    for (const derived of this.#derived.values()) {
      position[derived.id] = n;
      nodes[n++] = derived.node;
      count += derived.out.edges.length;
    }
    const edges: DependencyEdge[] = new Array(count);
    const ends = {
      source: new Int32Array(count),
      target: new Int32Array(count),
      type: new Uint8Array(count),
    };
    let i = 0;
    for (const { id, out } of this.#derived.values()) {
      for (let k = 0; k < out.edges.length; k++, i++) {
        edges[i] = out.edges[k];
        ends.source[i] = position[id];
        ends.target[i] = position[out.targets[k]];
        ends.type[i] = edgeTypeCode(out.edges[k].type);
      }
    }
    const graph: DependencyGraph = {
      nodes,
      edges,
      processes: this.#processes(),
      warnings: this.#warnings(),
    };
    seedEdgeEnds(graph, ends);
    this.#graph = graph;
    return graph;
  }

  /** What it keeps besides the graph's nodes and edges, for estimating its size in memory. */
  held(): LiveGraphHeld {
    return {
      readings: [...this.#readings.values()],
      relationPairs: this.#relations.pairs,
      refs: this.#relations.refs,
      edgeLists: this.#derived.size,
    };
  }

  #read(entity: Entity, ref: string): EntityReading {
    const reading = readEntity(entity, ref, this.#kinds);
    if (reading.node) {
      reading.node.ref = this.#relations.intern(reading.node.ref);
    }
    return reading;
  }

  #isProcess = (ref: string): boolean =>
    this.#declared.has(ref) || this.#namedBy.has(ref);

  /** The providers of the APIs met while deriving edges, once the nodes are derived. */
  readonly #providers = new Map<string, readonly Provider[]>();

  #state: EstateState = {
    readings: this.#readings,
    relations: this.#relations,
    nodes: {
      has: ref => this.#derived.has(ref),
      get: ref => this.#derived.get(ref)?.node,
    },
    isProcess: this.#isProcess,
    providersOf: api => {
      let providers = this.#providers.get(api);
      if (!providers) {
        providers = apiProviders(this.#state, api);
        this.#providers.set(api, providers);
      }
      return providers;
    },
  };

  /** Notes whether a process ref was a process before this change first touched it. */
  #touchProcess(ref: string, processes: Map<string, boolean>) {
    if (!processes.has(ref)) processes.set(ref, this.#isProcess(ref));
  }

  #retract(
    ref: string,
    touched: Set<string>,
    processes: Map<string, boolean>,
  ): void {
    const reading = this.#readings.get(ref);
    if (!reading) return;
    this.#relations.count(reading.relations, -1);
    for (const { source, target } of reading.relations) {
      touched.add(source);
      touched.add(target);
    }
    if (reading.process) {
      this.#touchProcess(ref, processes);
      this.#declared.delete(ref);
    }
    for (const process of reading.node?.businessProcesses ?? []) {
      this.#touchProcess(process, processes);
      const namers = this.#namedBy.get(process)!;
      namers.delete(ref);
      if (namers.size === 0) this.#namedBy.delete(process);
    }
    this.#readings.delete(ref);
  }

  /** Adds a reading; `touched` (unless building from nothing) gets the ends of its relations. */
  #assert(
    ref: string,
    reading: EntityReading,
    touched: Set<string> | undefined,
    processes: Map<string, boolean>,
  ): void {
    this.#readings.set(ref, reading);
    this.#relations.count(reading.relations, 1);
    if (touched) {
      for (const { source, target } of reading.relations) {
        touched.add(source);
        touched.add(target);
      }
    }
    if (reading.process) {
      this.#touchProcess(ref, processes);
      this.#declared.set(ref, reading.process);
    }
    for (const process of reading.node?.businessProcesses ?? []) {
      this.#touchProcess(process, processes);
      const namers = this.#namedBy.get(process);
      if (namers) namers.add(ref);
      else this.#namedBy.set(process, new Set([ref]));
    }
  }

  #addNeighbours(ref: string, into: Set<string>): void {
    for (const other of this.#relations.from(ref).keys()) into.add(other);
    for (const other of this.#relations.to(ref).keys()) into.add(other);
  }

  /** Adds the consumers of `ref`, were it an API: their collapsed API edges read its providers. */
  #addConsumers(ref: string, into: Set<string>): void {
    for (const [consumer, counts] of this.#relations.to(ref)) {
      if (stands(counts, 'consumesApi')) into.add(consumer);
    }
  }

  /** Re-derives the nodes of `refs`, each from what the estate now says. */
  #deriveNodes(refs: Iterable<string>): void {
    for (const ref of refs) {
      // A node is derived from readings and relations only, not from other nodes.
      const node = deriveNode(this.#state, ref);
      if (node) {
        const derived = this.#derived.get(ref);
        if (derived) derived.node = node;
        else {
          const id = this.#relations.idOf(ref);
          this.#derived.set(ref, { id, node, out: NO_EDGES });
        }
      } else {
        this.#derived.delete(ref);
      }
      if (node?.missing) {
        this.#missingWarnings.set(ref, missingNodeWarning(this.#state, ref));
      } else {
        this.#missingWarnings.delete(ref);
      }
    }
  }

  #deriveEdges(refs: Iterable<string>): void {
    for (const ref of refs) {
      const derived = this.#derived.get(ref);
      if (derived) {
        derived.out = deriveEdges(this.#state, ref, derived.node);
      }
    }
    this.#providers.clear();
  }

  /** The declared processes, then those only named, marked `missing`. */
  #processes(): BusinessProcess[] {
    const processes = [...this.#declared.values()];
    for (const ref of this.#namedBy.keys()) {
      if (this.#declared.has(ref)) continue;
      const name = parseEntityRef(ref).name;
      processes.push({ ref, name, title: name, missing: true });
    }
    return processes;
  }

  /** Problems met reading entities, nodes only referred to, processes only named. */
  #warnings(): string[] {
    const warnings: string[] = [];
    for (const reading of this.#readings.values()) {
      for (const warning of reading.warnings) warnings.push(warning);
    }
    warnings.push(...this.#missingWarnings.values());
    for (const [ref, namers] of this.#namedBy) {
      if (this.#declared.has(ref)) continue;
      const name = parseEntityRef(ref).name;
      const namer = [...namers].sort()[0];
      warnings.push(
        `${namer}: business process "${name}" is not declared as a Domain of type ${BUSINESS_PROCESS_TYPE}`,
      );
    }
    return warnings;
  }
}
