/*
 * The dependency graph model. Every edge reads "source <type> target", and for every dependency
 * type that means "source needs target": the target (the provider) deploys first, and a change to
 * the target can break the source (the consumer). Deploy order therefore runs against the edge
 * direction and impact travels against it too.
 */
import {
  EdgeTypeValues,
  type DependencyMapSchemas as Schemas,
} from './schema/openapi.generated';

export type { ApiRequirement } from '@waybill/plugin-waybill-common';

/**
 * The kinds of edge in a dependency graph. Each reads "source <type> target":
 *
 * - `dependsOn`: the source's `spec.dependsOn` names the target.
 * - `usesApi`: the source consumes a request/response API (OpenAPI, gRPC, GraphQL, ...) that the
 *   target provides: consumesApi and providesApi collapsed through the API; `apis` names them.
 * - `subscribesTo`: the same for event APIs (AsyncAPI): the source consumes events the target
 *   publishes. Events travel through a broker, so this is not a deploy-order constraint (the
 *   subscriber depends on the broker, not on the publisher being up) but a change to the
 *   publisher still reaches the subscriber, so impact follows it.
 * - `consumesApi`: the source component consumes the target API (raw catalog relation).
 * - `apiProvidedBy`: the source API is provided by the target component (raw catalog relation,
 *   the inverse of `providesApi`), so the API exists once its provider is deployed.
 * - `servedBy`: the source tenant is served by the target deployable (the tenant's `spec.dependsOn`).
 * - `partOf`: the source belongs to the target system, domain or parent component. Structural:
 *   not a dependency, so no algorithm orders or propagates along it unless asked to.
 */
export type DependencyEdgeType = Schemas['EdgeType'];

/** Every edge type, in a stable order: the spec's `EdgeType` enum, as generated. */
export const DEPENDENCY_EDGE_TYPES: readonly DependencyEdgeType[] =
  EdgeTypeValues;

/**
 * The edge types that constrain deploy order and define cycles: a consumer needs what it
 * `dependsOn` and the providers of the request/response APIs it `usesApi` to be out first.
 * Raw API relations are left out because `usesApi` already carries them between deployables.
 */
export const ORDERING_EDGE_TYPES: readonly DependencyEdgeType[] = [
  'dependsOn',
  'usesApi',
];

/**
 * The edge types impact travels along (against their direction): everything that orders a
 * deploy, plus event subscriptions and the raw API relations, so a changed provider reaches its
 * APIs and a changed API reaches its consumers. `servedBy` is followed separately to list
 * tenants; `partOf` is structure, not dependency.
 */
export const IMPACT_EDGE_TYPES: readonly DependencyEdgeType[] = [
  'dependsOn',
  'usesApi',
  'subscribesTo',
  'consumesApi',
  'apiProvidedBy',
];

/** API `spec.type`s that describe events rather than request/response calls. */
export const EVENT_API_TYPES: readonly string[] = ['asyncapi'];

/** The labels that place a tenant on the rollout axes. */
export type TenantLabels = Schemas['TenantLabels'];

/**
 * A catalog entity in the dependency graph: the spec's node without the neighbourhood `distance`
 * (see `SubgraphNode`). `ref` is lowercase (`component:default/inventory`), `kind` too
 * (`component`, `api`, `resource`, `system`, `domain`); `title` is `metadata.title`, else the
 * name; `tier` is the tier the entity declares (`declaredTierOf`); `apiVersion` is an API's
 * current version (`apiVersionOf`); `apiRequirements` are a consumer's parsed
 * `WAYBILL_ANNOTATIONS.apiRequirements` (`parseApiRequirements`); `tenant` is set on tenants
 * (Resource of type `tenant`) whose labels read as a tenant (`readTenant`) only; `missing` when
 * the node was only referenced by an edge and is not among the entities read.
 */
export type DependencyNode = Omit<Schemas['DependencyNode'], 'distance'>;

/**
 * A typed, directed edge: source <type> target. For dependency types, source needs target.
 * `apis` (for `usesApi`) names the API refs the source consumes from the target; `inCycle` is set
 * in subgraph responses when both ends are in one dependency cycle.
 */
export type DependencyEdge = Schemas['DependencyEdge'];

/**
 * A business process, declared once as a Domain of type `business-process`: `ref` is the Domain
 * ref, `criticality` (`critical`, `high` or `medium`) comes from `WAYBILL_ANNOTATIONS.criticality`,
 * and `missing` is true when entities name the process but no Domain declares it.
 */
export type BusinessProcess = Schemas['BusinessProcess'];

/** The whole estate as a graph: plain data, safe to serialise and send to a browser. */
export interface DependencyGraph {
  nodes: DependencyNode[];
  edges: DependencyEdge[];
  processes: BusinessProcess[];
  /** Problems found while reading the entities (unparseable refs, dangling targets, ...). */
  warnings: string[];
}

/** True for what gets deployed: Components and Resources other than tenants. */
export function isDeployable(node: DependencyNode): boolean {
  return (
    node.kind === 'component' ||
    (node.kind === 'resource' && node.tenant === undefined)
  );
}
