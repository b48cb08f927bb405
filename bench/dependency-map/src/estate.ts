import {
  Entity,
  EntityRelation,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Random, managedByLocation } from '@waybill/bench-utils';

/*
 * A generated estate shaped like the demo catalog in examples/: ERP modules, services,
 * integrations and websites (Components) that provide and consume versioned APIs, depend on
 * databases and event buses (Resources) and on each other, grouped into Systems under product
 * Domains, tagged with business processes (Domains of type business-process) and a tier, owned
 * by Groups, and serving tenants (Resources of type tenant whose spec.dependsOn lists the
 * deployables they use). Deterministic: the same seed gives the same estate.
 *
 * Components are generated in layers (ERP modules, then services, integrations, websites) and
 * only depend on or consume from components generated before them, so the estate is acyclic
 * except for the few cycles planted on purpose (see `plantCycles`).
 */

/** The location the benchmark's entity provider claims for what it provides. */
export const BENCH_LOCATION = 'waybill-bench:dependency-map-estate';

/** Annotations every provided entity carries. */
export const managedBy = managedByLocation(BENCH_LOCATION);

/** How many of each thing the estate holds; {@link estateShape} scales them to a node count. */
export interface EstateShape {
  processes: number;
  groups: number;
  productDomains: number;
  systems: number;
  erpModules: number;
  services: number;
  integrations: number;
  websites: number;
  apis: number;
  databases: number;
  eventBuses: number;
  tenants: number;
  /** Cycles planted among the components, with these lengths. */
  cycleLengths: number[];
}

/**
 * The shape for an estate of `nodes` graph nodes (Components, APIs, Resources, Systems and
 * product Domains; business processes and Groups are not nodes). At 10,000 nodes about 30,000
 * edges.
 */
export function estateShape(nodes: number): EstateShape {
  const share = (fraction: number) => Math.max(1, Math.round(nodes * fraction));
  const shape: EstateShape = {
    processes: 12,
    groups: Math.max(5, Math.round(nodes / 80)),
    productDomains: share(0.001),
    systems: share(0.015),
    erpModules: share(0.034),
    services: share(0.176),
    integrations: share(0.126),
    websites: share(0.084),
    apis: share(0.22),
    databases: share(0.24),
    eventBuses: share(0.024),
    tenants: 0,
    cycleLengths: [2, 2, 3, 3, 4, 6],
  };
  const counted =
    shape.productDomains +
    shape.systems +
    shape.erpModules +
    shape.services +
    shape.integrations +
    shape.websites +
    shape.apis +
    shape.databases +
    shape.eventBuses;
  shape.tenants = Math.max(1, nodes - counted);
  return shape;
}

const PROCESS_NAMES = [
  'order-to-cash',
  'procure-to-pay',
  'inventory-allocation',
  'record-to-report',
  'plan-to-produce',
  'returns-to-refund',
  'quote-to-order',
  'hire-to-retire',
  'warehouse-to-dock',
  'supplier-onboarding',
  'demand-to-forecast',
  'issue-to-resolution',
];
const SEGMENTS = ['wholesale', 'retail', 'manufacturing', 'healthcare'];
const REGIONS = ['north-america', 'europe', 'asia-pacific', 'latin-america'];
const CLOUDS = ['aws', 'azure', 'gcp'];
const TIMEZONES = [
  'America/Chicago',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Singapore',
  'America/Sao_Paulo',
];
const TIERS = ['critical', 'standard', 'standard', 'standard', 'internal'];

type ComponentType = 'erp-module' | 'service' | 'integration' | 'website';

interface GeneratedComponent {
  name: string;
  type: ComponentType;
  system: string;
  owner: string;
  providesApis: string[];
  consumesApis: string[];
  dependsOn: string[];
}

interface GeneratedApi {
  name: string;
  major: number;
  version: string;
  asyncapi: boolean;
}

/** The generated estate: what the catalog would be given, and what is known about it. */
export interface Estate {
  shape: EstateShape;
  seed: number;
  /** Every entity as written in YAML (no relations), Groups and process Domains included. */
  entities: Entity[];
  /** Refs of the entities that become graph nodes, for picking random query targets. */
  refs: {
    components: string[];
    deployables: string[];
    apis: string[];
    nodes: string[];
  };
  /** Component refs of each planted cycle. */
  plantedCycles: string[][];
}

const pad = (i: number, width = 4) => String(i).padStart(width, '0');

/** Generates the estate for `shape`, the same for the same seed. */
export function generateEstate(shape: EstateShape, seed = 20261124): Estate {
  const random = new Random(seed);
  const entities: Entity[] = [];
  const meta = (name: string, extra: Partial<Entity['metadata']> = {}) => ({
    name,
    ...extra,
  });

  const groups = Array.from(
    { length: shape.groups },
    (_, i) => `team-${pad(i, 3)}`,
  );
  for (const name of groups) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: meta(name),
      spec: { type: 'team', children: [] },
    });
  }

  const processes = PROCESS_NAMES.slice(0, shape.processes);
  for (const name of processes) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: meta(name, {
        title: name
          .split('-')
          .map(w => w[0].toUpperCase() + w.slice(1))
          .join(' '),
        annotations: {
          'waybill.dev/criticality': random.pick([
            'critical',
            'high',
            'medium',
          ]),
        },
      }),
      spec: { type: 'business-process', owner: random.pick(groups) },
    });
  }

  const domains = Array.from(
    { length: shape.productDomains },
    (_, i) => `product-area-${pad(i, 2)}`,
  );
  for (const name of domains) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: meta(name),
      spec: { type: 'product-area', owner: random.pick(groups) },
    });
  }

  const systems = Array.from(
    { length: shape.systems },
    (_, i) => `system-${pad(i, 3)}`,
  );
  for (const name of systems) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: meta(name),
      spec: { owner: random.pick(groups), domain: random.pick(domains) },
    });
  }

  // Components in layers: each only uses what was generated before it.
  const layers: Array<[ComponentType, number, string]> = [
    ['erp-module', shape.erpModules, 'erp'],
    ['service', shape.services, 'svc'],
    ['integration', shape.integrations, 'int'],
    ['website', shape.websites, 'web'],
  ];
  const components: GeneratedComponent[] = [];
  for (const [type, count, prefix] of layers) {
    for (let i = 0; i < count; i++) {
      components.push({
        name: `${prefix}-${pad(i)}`,
        type,
        system: random.pick(systems),
        owner: random.pick(groups),
        providesApis: [],
        consumesApis: [],
        dependsOn: [],
      });
    }
  }

  // APIs, provided by ERP modules and services mostly, by integrations sometimes.
  const providerPool = components.filter(c => c.type !== 'website');
  const apis: GeneratedApi[] = [];
  const providerIndexOfApi: number[] = [];
  const indexOfComponent = new Map(components.map((c, i) => [c.name, i]));
  for (let i = 0; i < shape.apis; i++) {
    const major = random.int(1, 5);
    const api: GeneratedApi = {
      name: `api-${pad(i)}`,
      major,
      version: `${major}.${random.int(0, 9)}.${random.int(0, 9)}`,
      asyncapi: random.chance(0.12),
    };
    apis.push(api);
    // Earlier providers provide more: the ERP core exposes many APIs.
    const provider =
      i < providerPool.length ? providerPool[i] : random.pick(providerPool);
    provider.providesApis.push(api.name);
    providerIndexOfApi.push(indexOfComponent.get(provider.name)!);
  }
  // For each component, the APIs provided by components before it.
  const apisByProvider = [...apis.keys()].sort(
    (a, b) => providerIndexOfApi[a] - providerIndexOfApi[b],
  );

  const databases = Array.from(
    { length: shape.databases },
    (_, i) => `db-${pad(i)}`,
  );
  const buses = Array.from(
    { length: shape.eventBuses },
    (_, i) => `bus-${pad(i, 3)}`,
  );

  components.forEach((component, index) => {
    // APIs of earlier components: about 1.1 per component, none for the very first.
    let available = 0;
    while (
      available < apisByProvider.length &&
      providerIndexOfApi[apisByProvider[available]] < index
    ) {
      available++;
    }
    if (available > 0) {
      const wanted = random.chance(0.5) ? random.int(1, 2) : random.int(0, 1);
      for (let k = 0; k < wanted; k++) {
        // Prefer recent providers (the layer just below), as a real estate does.
        const from = random.chance(0.6) ? Math.max(0, available - 200) : 0;
        const api = apis[apisByProvider[random.int(from, available - 1)]];
        if (!component.consumesApis.includes(api.name)) {
          component.consumesApis.push(api.name);
        }
      }
    }
    component.dependsOn.push(`resource:${databases[index % databases.length]}`);
    if (random.chance(0.25)) {
      component.dependsOn.push(`resource:${random.pick(buses)}`);
    }
    if (index > 0 && random.chance(0.5)) {
      const from = Math.max(0, index - 300);
      const target = components[random.int(from, index - 1)];
      const ref = `component:${target.name}`;
      if (!component.dependsOn.includes(ref)) component.dependsOn.push(ref);
    }
  });

  const plantedCycles = plantCycles(components, shape.cycleLengths, random);

  const apiByName = new Map(apis.map(a => [a.name, a]));
  components.forEach(component => {
    const requirements = component.consumesApis.map(name => {
      const api = apiByName.get(name)!;
      // Now and then a consumer already needs the provider's next major: an incompatibility.
      const major = random.chance(0.03) ? api.major + 1 : api.major;
      return `${name} ^${major}.0.0`;
    });
    const processCount = random.int(1, 3);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: meta(component.name, {
        title: `${component.type} ${component.name}`,
        annotations: {
          'waybill.dev/tier': random.pick(TIERS),
          'waybill.dev/business-processes': random
            .sample(processes, processCount)
            .join(', '),
          ...(requirements.length > 0
            ? { 'waybill.dev/api-requirements': requirements.join('; ') }
            : {}),
        },
      }),
      spec: {
        type: component.type,
        lifecycle: 'production',
        owner: component.owner,
        system: component.system,
        ...(component.providesApis.length > 0
          ? { providesApis: component.providesApis }
          : {}),
        ...(component.consumesApis.length > 0
          ? { consumesApis: component.consumesApis }
          : {}),
        dependsOn: component.dependsOn,
      },
    });
  });

  for (const api of apis) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: meta(api.name, {
        annotations: { 'waybill.dev/api-version': api.version },
      }),
      spec: {
        type: api.asyncapi ? 'asyncapi' : 'openapi',
        lifecycle: 'production',
        owner: random.pick(groups),
        system: random.pick(systems),
        definition: api.asyncapi
          ? 'asyncapi: 2.6.0\n'
          : 'openapi: 3.0.0\npaths: {}\n',
      },
    });
  }

  for (const name of [...databases, ...buses]) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: meta(name),
      spec: {
        type: name.startsWith('db-') ? 'database' : 'event-bus',
        owner: random.pick(groups),
        system: random.pick(systems),
      },
    });
  }

  // Tenants use 3-5 deployables, websites and ERP modules most.
  const facing = components.filter(
    c => c.type === 'website' || c.type === 'erp-module',
  );
  for (let i = 0; i < shape.tenants; i++) {
    const uses = new Set<string>();
    const count = random.int(3, 5);
    while (uses.size < count) {
      const c = random.chance(0.7)
        ? random.pick(facing)
        : random.pick(components);
      uses.add(`component:${c.name}`);
    }
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: meta(`tenant-${pad(i)}`, {
        labels: {
          'waybill.dev/segment': random.pick(SEGMENTS),
          'waybill.dev/region': random.pick(REGIONS),
          'waybill.dev/tier': random.pick(TIERS),
          'waybill.dev/cloud': random.pick(CLOUDS),
          'waybill.dev/tenancy': random.chance(0.8) ? 'shared' : 'dedicated',
        },
        annotations: { 'waybill.dev/timezone': random.pick(TIMEZONES) },
      }),
      spec: {
        type: 'tenant',
        owner: random.pick(groups),
        dependsOn: [...uses],
      },
    });
  }

  const componentRefs = components.map(c => `component:default/${c.name}`);
  const nodes = entities
    .filter(
      e =>
        e.kind !== 'Group' &&
        !(e.kind === 'Domain' && e.spec?.type === 'business-process'),
    )
    .map(e => stringifyEntityRef(e));
  return {
    shape,
    seed,
    entities,
    refs: {
      components: componentRefs,
      deployables: [
        ...componentRefs,
        ...[...databases, ...buses].map(n => `resource:default/${n}`),
      ],
      apis: apis.map(a => `api:default/${a.name}`),
      nodes,
    },
    plantedCycles,
  };
}

/**
 * Plants one dependency cycle per length, each among components in its own window of the
 * layer order (so no two cycles merge): a chain of dependsOn edges down the window and one edge
 * back up that closes it.
 */
function plantCycles(
  components: GeneratedComponent[],
  lengths: number[],
  random: Random,
): string[][] {
  const cycles: string[][] = [];
  const window = Math.floor(components.length / (lengths.length + 1));
  lengths.forEach((length, k) => {
    if (window < length * 2) return;
    const start = window * k + random.int(0, window - length * 2);
    const members = Array.from({ length }, (_, j) => components[start + j * 2]);
    for (let j = 1; j < members.length; j++) {
      const ref = `component:${members[j - 1].name}`;
      if (!members[j].dependsOn.includes(ref)) members[j].dependsOn.push(ref);
    }
    // The edge that closes the cycle: the lowest member needs the highest.
    members[0].dependsOn.push(`component:${members[members.length - 1].name}`);
    cycles.push(members.map(m => `component:default/${m.name}`));
  });
  return cycles;
}

function refOf(raw: string, context: Entity, defaultKind: string): string {
  return stringifyEntityRef(
    parseEntityRef(raw, {
      defaultKind,
      defaultNamespace: context.metadata.namespace ?? 'default',
    }),
  );
}

/**
 * The entities with `relations` as the catalog returns them once stitched: each spec reference
 * becomes a relation on its source and the inverse relation on its target (ownedBy/ownerOf,
 * partOf/hasPart, dependsOn/dependencyOf, providesApi/apiProvidedBy, consumesApi/apiConsumedBy),
 * and the managed-by annotations a provider sets. For the catalog mock; the real catalog
 * computes the same relations itself.
 */
export function withCatalogRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, EntityRelation[]>();
  const add = (source: string, type: string, target: string) => {
    const list = relations.get(source);
    const relation = { type, targetRef: target };
    if (list) list.push(relation);
    else relations.set(source, [relation]);
  };
  const pair = (
    source: string,
    forward: string,
    inverse: string,
    target: string,
  ) => {
    add(source, forward, target);
    add(target, inverse, source);
  };
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    if (typeof spec.owner === 'string') {
      pair(
        ref,
        RELATION_OWNED_BY,
        RELATION_OWNER_OF,
        refOf(spec.owner, entity, 'group'),
      );
    }
    if (typeof spec.system === 'string') {
      pair(
        ref,
        RELATION_PART_OF,
        RELATION_HAS_PART,
        refOf(spec.system, entity, 'system'),
      );
    }
    if (typeof spec.domain === 'string') {
      pair(
        ref,
        RELATION_PART_OF,
        RELATION_HAS_PART,
        refOf(spec.domain, entity, 'domain'),
      );
    }
    for (const raw of (spec.dependsOn as string[] | undefined) ?? []) {
      pair(
        ref,
        RELATION_DEPENDS_ON,
        RELATION_DEPENDENCY_OF,
        refOf(raw, entity, 'component'),
      );
    }
    for (const raw of (spec.providesApis as string[] | undefined) ?? []) {
      pair(
        ref,
        RELATION_PROVIDES_API,
        RELATION_API_PROVIDED_BY,
        refOf(raw, entity, 'api'),
      );
    }
    for (const raw of (spec.consumesApis as string[] | undefined) ?? []) {
      pair(
        ref,
        RELATION_CONSUMES_API,
        RELATION_API_CONSUMED_BY,
        refOf(raw, entity, 'api'),
      );
    }
  }
  return entities.map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: entity.metadata.namespace ?? 'default',
      annotations: { ...managedBy, ...entity.metadata.annotations },
    },
    relations: relations.get(stringifyEntityRef(entity)) ?? [],
  }));
}
