import {
  DEFAULT_NAMESPACE,
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_API_REQUIREMENTS,
  ANNOTATION_API_VERSION,
  ANNOTATION_BUSINESS_PROCESSES,
  ANNOTATION_CRITICALITY,
  ANNOTATION_TIER,
  ANNOTATION_TIMEZONE,
  ApiRequirement,
  BUSINESS_PROCESS_TYPE,
  BusinessProcess,
  DependencyEdge,
  DependencyGraph,
  DependencyNode,
  EVENT_API_TYPES,
  TENANT_TYPE,
} from './model';

/** Options of {@link buildDependencyGraph}. */
export interface BuildDependencyGraphOptions {
  /**
   * Entity kinds (case-insensitive) that become nodes. Business-process Domains always become
   * {@link BusinessProcess} records instead. Default: component, api, resource, system, domain.
   */
  kinds?: string[];
}

/** The entity kinds that become nodes unless {@link BuildDependencyGraphOptions.kinds} says otherwise. */
export const DEFAULT_NODE_KINDS: readonly string[] = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
];

/** A relation in Backstage's own vocabulary, always stored in its forward direction. */
type RawRelationType = 'dependsOn' | 'consumesApi' | 'providesApi' | 'partOf';

interface RawRelation {
  type: RawRelationType;
  source: string;
  target: string;
}

// Inverse relations another entity carries, read back to their forward form so a graph built
// from a partial read (or from entities whose forward side is missing) still has the edge.
const FORWARD_OF_INVERSE: Record<string, RawRelationType> = {
  [RELATION_DEPENDENCY_OF]: 'dependsOn',
  [RELATION_API_CONSUMED_BY]: 'consumesApi',
  [RELATION_API_PROVIDED_BY]: 'providesApi',
  [RELATION_HAS_PART]: 'partOf',
};
const FORWARD: Record<string, RawRelationType> = {
  [RELATION_DEPENDS_ON]: 'dependsOn',
  [RELATION_CONSUMES_API]: 'consumesApi',
  [RELATION_PROVIDES_API]: 'providesApi',
  [RELATION_PART_OF]: 'partOf',
};

function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

function stringsAt(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string');
}

/**
 * Builds the dependency graph of an estate from catalog entities, in time linear in entities
 * plus relations. Relations are read from `relations` as the catalog returns them (both
 * directions, so a partial read still finds edges); an entity without relations (e.g. read
 * straight from YAML) falls back to its `spec.dependsOn`, `spec.consumesApis`,
 * `spec.providesApis`, `spec.system`, `spec.domain` and `spec.subcomponentOf`.
 *
 * Targets that are not among the entities become nodes marked `missing`, so every edge has both
 * ends; the graph's `warnings` say which.
 */
export function buildDependencyGraph(
  entities: Entity[],
  options: BuildDependencyGraphOptions = {},
): DependencyGraph {
  const kinds = new Set(
    (options.kinds ?? DEFAULT_NODE_KINDS).map(k =>
      k.toLocaleLowerCase('en-US'),
    ),
  );
  const warnings: string[] = [];
  const nodes = new Map<string, DependencyNode>();
  const processes = new Map<string, BusinessProcess>();
  const relations = new Map<string, RawRelation>();

  const addRelation = (
    type: RawRelationType,
    source: string,
    target: string,
  ) => {
    const key = `${type}|${source}|${target}`;
    if (!relations.has(key)) relations.set(key, { type, source, target });
  };

  const parseRef = (
    raw: string,
    context: Entity,
    defaultKind: string | undefined,
    what: string,
  ): string | undefined => {
    try {
      return stringifyEntityRef(
        parseEntityRef(raw, {
          defaultKind,
          defaultNamespace: context.metadata.namespace ?? DEFAULT_NAMESPACE,
        }),
      );
    } catch {
      warnings.push(
        `${stringifyEntityRef(
          context,
        )}: cannot read ${what} "${raw}" as an entity ref`,
      );
      return undefined;
    }
  };

  for (const entity of entities) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const ref = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const annotations = entity.metadata.annotations ?? {};
    const labels = entity.metadata.labels ?? {};

    if (kind === 'domain' && spec.type === BUSINESS_PROCESS_TYPE) {
      processes.set(ref, {
        ref,
        name: entity.metadata.name,
        title: entity.metadata.title ?? entity.metadata.name,
        description: entity.metadata.description,
        criticality: stringAt(annotations[ANNOTATION_CRITICALITY]),
        owner: ownerOf(entity, spec, parseRef),
      });
      continue;
    }
    if (!kinds.has(kind)) continue;
    if (nodes.has(ref)) {
      warnings.push(`${ref}: appears more than once; the first is kept`);
      continue;
    }

    const node: DependencyNode = {
      ref,
      kind,
      namespace: (
        entity.metadata.namespace ?? DEFAULT_NAMESPACE
      ).toLocaleLowerCase('en-US'),
      name: entity.metadata.name.toLocaleLowerCase('en-US'),
      type: stringAt(spec.type),
      title: entity.metadata.title ?? entity.metadata.name,
      owner: ownerOf(entity, spec, parseRef),
      businessProcesses: [],
      tier:
        stringAt(annotations[ANNOTATION_TIER]) ??
        stringAt(labels[ANNOTATION_TIER]),
      lifecycle: stringAt(spec.lifecycle),
    };

    for (const name of (annotations[ANNOTATION_BUSINESS_PROCESSES] ?? '').split(
      ',',
    )) {
      if (name.trim() === '') continue;
      const processRef = parseRef(
        name.trim(),
        entity,
        'domain',
        'business process',
      );
      if (processRef && !node.businessProcesses.includes(processRef)) {
        node.businessProcesses.push(processRef);
      }
    }
    if (kind === 'api') {
      node.apiVersion = stringAt(annotations[ANNOTATION_API_VERSION]);
    }
    const requirements = annotations[ANNOTATION_API_REQUIREMENTS];
    if (requirements !== undefined) {
      node.apiRequirements = parseApiRequirements(
        requirements,
        entity,
        parseRef,
        warnings,
      );
    }
    if (kind === 'resource' && node.type === TENANT_TYPE) {
      node.tenant = {
        segment: stringAt(labels['waybill.dev/segment']),
        region: stringAt(labels['waybill.dev/region']),
        tier: stringAt(labels[ANNOTATION_TIER]),
        cloud: stringAt(labels['waybill.dev/cloud']),
        tenancy: stringAt(labels['waybill.dev/tenancy']),
        timezone: stringAt(annotations[ANNOTATION_TIMEZONE]),
      };
    }
    nodes.set(ref, node);

    if (Array.isArray(entity.relations) && entity.relations.length > 0) {
      for (const relation of entity.relations) {
        const target = relation.targetRef.toLocaleLowerCase('en-US');
        const forward = FORWARD[relation.type];
        if (forward) {
          addRelation(forward, ref, target);
          continue;
        }
        const inverse = FORWARD_OF_INVERSE[relation.type];
        if (inverse) addRelation(inverse, target, ref);
      }
    } else {
      for (const raw of stringsAt(spec.dependsOn)) {
        const target = parseRef(raw, entity, undefined, 'spec.dependsOn');
        if (target) addRelation('dependsOn', ref, target);
      }
      for (const raw of stringsAt(spec.consumesApis)) {
        const target = parseRef(raw, entity, 'api', 'spec.consumesApis');
        if (target) addRelation('consumesApi', ref, target);
      }
      for (const raw of stringsAt(spec.providesApis)) {
        const target = parseRef(raw, entity, 'api', 'spec.providesApis');
        if (target) addRelation('providesApi', ref, target);
      }
      const parents: Array<[unknown, string, string]> = [
        [spec.system, 'system', 'spec.system'],
        [spec.domain, 'domain', 'spec.domain'],
        [spec.subcomponentOf, 'component', 'spec.subcomponentOf'],
        [spec.subdomainOf, 'domain', 'spec.subdomainOf'],
      ];
      for (const [raw, defaultKind, what] of parents) {
        const value = stringAt(raw);
        const target = value && parseRef(value, entity, defaultKind, what);
        if (target) addRelation('partOf', ref, target);
      }
    }
  }

  for (const node of nodes.values()) {
    for (const processRef of node.businessProcesses) {
      if (!processes.has(processRef)) {
        const name = parseEntityRef(processRef).name;
        warnings.push(
          `${node.ref}: business process "${name}" is not declared as a Domain of type ${BUSINESS_PROCESS_TYPE}`,
        );
        processes.set(processRef, {
          ref: processRef,
          name,
          title: name,
          missing: true,
        });
      }
    }
  }

  const ensureNode = (ref: string, from: string): boolean => {
    if (nodes.has(ref)) return true;
    if (processes.has(ref)) return false;
    let parsed;
    try {
      parsed = parseEntityRef(ref);
    } catch {
      warnings.push(`${from}: cannot read relation target "${ref}"`);
      return false;
    }
    warnings.push(
      `${from}: refers to ${ref}, which is not in the catalog read`,
    );
    nodes.set(ref, {
      ref,
      kind: parsed.kind,
      namespace: parsed.namespace,
      name: parsed.name,
      title: parsed.name,
      businessProcesses: [],
      missing: true,
    });
    return true;
  };

  const edges: DependencyEdge[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (edge: DependencyEdge) => {
    const key = `${edge.type}|${edge.source}|${edge.target}`;
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push(edge);
  };
  const providersOfApi = new Map<string, string[]>();
  const consumersOfApi = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  for (const { type, source, target } of relations.values()) {
    // A relation whose source is not a node of this graph (a Group, a User, a kind left out)
    // says nothing about dependencies between the nodes.
    if (!nodes.has(source)) continue;
    if (type === 'partOf') {
      const process = processes.get(target);
      const sourceNode = nodes.get(source)!;
      if (process) {
        if (!sourceNode.businessProcesses.includes(target)) {
          sourceNode.businessProcesses.push(target);
        }
        continue;
      }
      if (!ensureNode(target, source)) continue;
      if (!sourceNode.system && target.startsWith('system:'))
        sourceNode.system = target;
      addEdge({ source, target, type: 'partOf' });
      continue;
    }
    if (!ensureNode(target, source)) continue;
    if (type === 'dependsOn') {
      addEdge({
        source,
        target,
        type: nodes.get(source)!.tenant ? 'servedBy' : 'dependsOn',
      });
    } else if (type === 'consumesApi') {
      addEdge({ source, target, type: 'consumesApi' });
      push(consumersOfApi, target, source);
    } else {
      // providesApi is stored the other way round: the API needs its provider to exist.
      addEdge({ source: target, target: source, type: 'apiProvidedBy' });
      push(providersOfApi, target, source);
    }
  }

  const usesApi = new Map<string, DependencyEdge>();
  for (const [api, consumers] of consumersOfApi) {
    const apiType = nodes.get(api)?.type;
    const type =
      apiType && EVENT_API_TYPES.includes(apiType) ? 'subscribesTo' : 'usesApi';
    for (const provider of providersOfApi.get(api) ?? []) {
      for (const consumer of consumers) {
        if (consumer === provider) continue;
        const key = `${type}|${consumer}|${provider}`;
        const existing = usesApi.get(key);
        if (existing) {
          if (!existing.apis!.includes(api)) existing.apis!.push(api);
        } else {
          usesApi.set(key, {
            source: consumer,
            target: provider,
            type,
            apis: [api],
          });
        }
      }
    }
  }
  for (const edge of usesApi.values()) addEdge(edge);

  return {
    nodes: [...nodes.values()],
    edges,
    processes: [...processes.values()],
    warnings,
  };
}

function ownerOf(
  entity: Entity,
  spec: Record<string, unknown>,
  parseRef: (
    raw: string,
    context: Entity,
    defaultKind: string | undefined,
    what: string,
  ) => string | undefined,
): string | undefined {
  const owned = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (owned) return owned.targetRef.toLocaleLowerCase('en-US');
  const raw = stringAt(spec.owner);
  return raw ? parseRef(raw, entity, 'group', 'spec.owner') : undefined;
}

/**
 * Parses a `waybill.dev/api-requirements` value: `<api ref> <semver range>` entries separated by
 * `;`, the range being everything after the first space (so `>=3.0.0 <4.0.0` stays whole).
 */
function parseApiRequirements(
  value: string,
  entity: Entity,
  parseRef: (
    raw: string,
    context: Entity,
    defaultKind: string | undefined,
    what: string,
  ) => string | undefined,
  warnings: string[],
): ApiRequirement[] {
  const requirements: ApiRequirement[] = [];
  for (const entry of value.split(';')) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const space = trimmed.search(/\s/);
    if (space < 0) {
      warnings.push(
        `${stringifyEntityRef(
          entity,
        )}: API requirement "${trimmed}" has no version range`,
      );
      continue;
    }
    const apiRef = parseRef(
      trimmed.slice(0, space),
      entity,
      'api',
      'API requirement',
    );
    if (apiRef)
      requirements.push({ apiRef, range: trimmed.slice(space).trim() });
  }
  return requirements;
}
