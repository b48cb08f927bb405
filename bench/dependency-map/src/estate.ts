import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Random } from '@waybill/bench-utils';
import {
  ComponentGraph,
  GeneratedApi,
  GeneratedComponent,
  generateComponentGraph,
  pad,
} from './componentGraph';

/*
 * A generated estate shaped like the demo catalog in examples/: ERP modules, services,
 * integrations and websites (Components) that provide and consume versioned APIs, depend on
 * databases and event buses (Resources) and on each other, grouped into Systems under product
 * Domains, tagged with business processes (Domains of type business-process) and a tier, owned
 * by Groups, and serving tenants (Resources of type tenant whose spec.dependsOn lists the
 * deployables they use). Deterministic: the same seed gives the same estate.
 *
 * The component graph (./componentGraph) is acyclic except for the few cycles planted on purpose.
 */

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

const meta = (name: string, extra: Partial<Entity['metadata']> = {}) => ({
  name,
  ...extra,
});

/** The names of the estate's organisation: Groups, business processes, product Domains, Systems. */
interface Organisation {
  groups: string[];
  processes: string[];
  domains: string[];
  systems: string[];
}

/** The organisation's entities: Groups, business-process and product Domains, Systems. */
function organisationEntities(
  shape: EstateShape,
  random: Random,
  entities: Entity[],
): Organisation {
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
  return { groups, processes, domains, systems };
}

/** A component's entity: its tier, business processes and API requirements as annotations. */
function componentEntity(
  component: GeneratedComponent,
  apiByName: Map<string, GeneratedApi>,
  processes: string[],
  random: Random,
): Entity {
  const requirements = component.consumesApis.map(name => {
    const api = apiByName.get(name)!;
    // Now and then a consumer already needs the provider's next major: an incompatibility.
    const major = random.chance(0.03) ? api.major + 1 : api.major;
    return `${name} ^${major}.0.0`;
  });
  const processCount = random.int(1, 3);
  return {
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
  };
}

/** The APIs' and Resources' entities (databases, event buses), each with a random owner and system. */
function apiAndResourceEntities(
  graph: ComponentGraph,
  { groups, systems }: Organisation,
  random: Random,
  entities: Entity[],
): void {
  const { apis, databases, buses } = graph;
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
}

/** The tenants: each uses 3-5 deployables, websites and ERP modules most. */
function tenantEntities(
  shape: EstateShape,
  components: GeneratedComponent[],
  groups: string[],
  random: Random,
  entities: Entity[],
): void {
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
}

/** Generates the estate for `shape`, the same for the same seed. */
export function generateEstate(shape: EstateShape, seed = 20261124): Estate {
  const random = new Random(seed);
  const entities: Entity[] = [];
  const organisation = organisationEntities(shape, random, entities);
  const { groups, processes, systems } = organisation;
  const graph = generateComponentGraph(shape, systems, groups, random);
  const { components, apis, databases, buses, plantedCycles } = graph;

  const apiByName = new Map(apis.map(a => [a.name, a]));
  for (const component of components) {
    entities.push(componentEntity(component, apiByName, processes, random));
  }
  apiAndResourceEntities(graph, organisation, random, entities);
  tenantEntities(shape, components, groups, random, entities);

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
