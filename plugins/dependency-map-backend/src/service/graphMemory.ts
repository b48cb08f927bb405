import {
  DependencyGraph,
  LiveDependencyGraph,
} from '@waybill/plugin-dependency-map-common';

/*
 * The graph's size in memory, estimated by walking what it holds with the sizes V8 gives its
 * objects on 64-bit Node without pointer compression (Node's default): a heap measurement needs
 * a forced garbage collection, which production cannot do. How close it comes to the heap is a
 * measurement, not a unit test (it flaked beside other suites): bench/dependency-map prints it
 * beside the process's RSS.
 */

const POINTER = 8;
/** A plain object's header: map, properties and elements pointers. */
const OBJECT_HEADER = 3 * POINTER;
/** An array: its header and length, plus its backing store's header. */
const ARRAY_HEADER = 4 * POINTER + 2 * POINTER;
/** A sequential string's header: map, hash and length. */
const STRING_HEADER = 2 * POINTER;
/** A typed array's object and buffer, beside the bytes themselves. */
const TYPED_ARRAY_HEADER = 160;
/** Bytes per Map or Set entry: key, value and chain link, a bucket, at a load of about 2/3. */
const MAP_ENTRY = Math.round((3 * POINTER + POINTER / 2) * 1.5);
/** Edge views a served graph keeps indexed (impact, ordering, servedBy, all relations). */
const INDEXED_VIEWS = 4;

function stringBytes(value: string): number {
  // eslint-disable-next-line no-control-regex
  const twoByte = /[^\u0000-\u00ff]/.test(value);
  const bytes = STRING_HEADER + value.length * (twoByte ? 2 : 1);
  return Math.ceil(bytes / POINTER) * POINTER;
}

/** Bytes of the values reachable from `roots`, each object counted once. */
export function reachableBytes(roots: unknown[]): number {
  const seen = new Set<unknown>();
  const stack: unknown[] = [...roots];
  let bytes = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      // Equal strings are often one string (refs kept by nodes, edges and indexes; the
      // keys and short values JSON.parse internalises): counted once.
      if (!seen.has(value)) bytes += stringBytes(value);
      seen.add(value);
      continue;
    }
    if (typeof value === 'number') {
      bytes += Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 0 : 16;
      continue;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) {
      continue;
    }
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      bytes += TYPED_ARRAY_HEADER + value.byteLength;
    } else if (Array.isArray(value)) {
      bytes += ARRAY_HEADER + value.length * POINTER;
      stack.push(...value);
    } else if (value instanceof Map) {
      bytes += OBJECT_HEADER + value.size * MAP_ENTRY;
      for (const [k, v] of value) stack.push(k, v);
    } else if (value instanceof Set) {
      bytes += OBJECT_HEADER + value.size * MAP_ENTRY;
      stack.push(...value);
    } else {
      const entries = Object.values(value);
      bytes += OBJECT_HEADER + Object.keys(value).length * POINTER;
      stack.push(...entries);
    }
  }
  return bytes;
}

/** The compressed-row digraphs of one edge view, both ways round, and its edge map. */
function viewBytes(nodes: number, edges: number): number {
  const digraph = 4 * (nodes + 1) + 8 * edges + 3 * TYPED_ARRAY_HEADER;
  return 2 * digraph + 4 * edges + TYPED_ARRAY_HEADER;
}

/** Items of each list walked; the rest are taken to cost the same on average. */
const SAMPLE = 1000;

/** Bytes of a list's items, from every k-th of them, scaled to all. */
function sampledBytes(items: readonly unknown[]): number {
  if (items.length === 0) return 0;
  const stride = Math.max(1, Math.floor(items.length / SAMPLE));
  const sample: unknown[] = [];
  for (let i = 0; i < items.length; i += stride) sample.push(items[i]);
  return Math.round(
    (reachableBytes(sample) * items.length) / sample.length +
      ARRAY_HEADER +
      items.length * POINTER,
  );
}

/** A relation pair: an entry in the index at each end, and its counts by type. */
const RELATION_PAIR = 2 * MAP_ENTRY + ARRAY_HEADER + 4 * POINTER;
/** A ref's own small map in the relation index, one at each end at most. */
const ADJACENCY_MAP = OBJECT_HEADER + 8 * MAP_ENTRY;

/** Bytes of the estate kept beside a graph to patch it: readings, relation index, lookups. */
function estateBytes(estate: LiveDependencyGraph): number {
  const held = estate.held();
  return (
    OBJECT_HEADER +
    // Readings hold the entities' nodes before derivation and their relations.
    sampledBytes(held.readings) +
    held.relationPairs * RELATION_PAIR +
    2 * held.refs * ADJACENCY_MAP +
    // The interned refs, and the readings, derived nodes and edge lists by ref.
    held.refs * MAP_ENTRY +
    held.readings.length * MAP_ENTRY +
    held.edgeLists * (MAP_ENTRY + ARRAY_HEADER)
  );
}

/**
 * Estimated bytes a served graph keeps: its nodes, edges, business processes and warnings, the
 * estate kept for patching it (readings, relation index), its ref index and its indexed edge
 * views. Nodes, edges and readings are sampled (a few thousand of each
 * walked), so it costs a few milliseconds at 50,000 entities.
 */
export function estimateGraphMemory(
  graph: DependencyGraph,
  estate?: LiveDependencyGraph,
): number {
  const nodes = graph.nodes.length;
  const edges = graph.edges.length;
  // The ref index's keys are the nodes' own refs: only its entries add.
  const refIndex = OBJECT_HEADER + nodes * MAP_ENTRY;
  return (
    sampledBytes(graph.nodes) +
    sampledBytes(graph.edges) +
    reachableBytes([graph.processes, graph.warnings]) +
    (estate ? estateBytes(estate) : 0) +
    refIndex +
    INDEXED_VIEWS * viewBytes(nodes, edges) +
    // Each edge's ends and type, shared by the views.
    3 * TYPED_ARRAY_HEADER +
    9 * edges
  );
}
