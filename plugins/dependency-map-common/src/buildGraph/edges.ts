import { DependencyEdge, EVENT_API_TYPES } from '../model';
import { ensureNode } from './missingNodes';
import { joinProcess } from './resolveProcesses';
import { GraphBuild, RawRelation } from './state';

/** The edges of a graph, each once, in the order first added. */
class EdgeList {
  readonly edges: DependencyEdge[] = [];
  private readonly keys = new Set<string>();

  add(edge: DependencyEdge): void {
    const key = `${edge.type}|${edge.source}|${edge.target}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.edges.push(edge);
  }
}

/** Who consumes and who provides each API, by API ref. */
interface ApiSides {
  providers: Map<string, string[]>;
  consumers: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The edge of one relation (if any), noting API sides on the way. */
function addRelationEdge(
  build: GraphBuild,
  relation: RawRelation,
  edges: EdgeList,
  sides: ApiSides,
): void {
  const { type, source, target } = relation;
  if (type === 'partOf') {
    if (joinProcess(build, source, target)) return;
    if (!ensureNode(build, target, source)) return;
    const sourceNode = build.nodes.get(source)!;
    if (!sourceNode.system && target.startsWith('system:')) {
      sourceNode.system = target;
    }
    edges.add({ source, target, type: 'partOf' });
    return;
  }
  if (!ensureNode(build, target, source)) return;
  if (type === 'dependsOn') {
    const servedBy = Boolean(build.nodes.get(source)!.tenant);
    edges.add({ source, target, type: servedBy ? 'servedBy' : 'dependsOn' });
  } else if (type === 'consumesApi') {
    edges.add({ source, target, type: 'consumesApi' });
    push(sides.consumers, target, source);
  } else {
    // providesApi is stored the other way round: the API needs its provider to exist.
    edges.add({ source: target, target: source, type: 'apiProvidedBy' });
    push(sides.providers, target, source);
  }
}

/**
 * The API relations collapsed between deployables: a consumer `usesApi` (or, for event APIs,
 * `subscribesTo`) each provider of an API it consumes, one edge per pair naming every API.
 */
function apiUseEdges(build: GraphBuild, sides: ApiSides): DependencyEdge[] {
  const usesApi = new Map<string, DependencyEdge>();
  for (const [api, consumers] of sides.consumers) {
    const apiType = build.nodes.get(api)?.type;
    const type =
      apiType && EVENT_API_TYPES.includes(apiType) ? 'subscribesTo' : 'usesApi';
    for (const provider of sides.providers.get(api) ?? []) {
      for (const consumer of consumers) {
        if (consumer === provider) continue;
        const key = `${type}|${consumer}|${provider}`;
        const existing = usesApi.get(key);
        if (!existing) {
          usesApi.set(key, {
            source: consumer,
            target: provider,
            type,
            apis: [api],
          });
        } else if (!existing.apis!.includes(api)) {
          existing.apis!.push(api);
        }
      }
    }
  }
  return [...usesApi.values()];
}

/**
 * Turns the relations read into the graph's edges, adding missing nodes for dangling targets.
 * A relation whose source is not a node (a Group, a User, a kind left out) says nothing about
 * dependencies between the nodes and is skipped.
 */
export function buildEdges(build: GraphBuild): DependencyEdge[] {
  const edges = new EdgeList();
  const sides: ApiSides = { providers: new Map(), consumers: new Map() };
  for (const relation of build.relations) {
    if (!build.nodes.has(relation.source)) continue;
    addRelationEdge(build, relation, edges, sides);
  }
  for (const edge of apiUseEdges(build, sides)) edges.add(edge);
  return edges.edges;
}
