import { Random } from '@waybill/bench-utils';
import { EstateShape } from './estate';

/*
 * The estate's component graph before it is written as entities: components in layers (ERP
 * modules, then services, integrations, websites), the APIs they provide, and what each consumes
 * and depends on. A component only depends on or consumes from components generated before it,
 * so the graph is acyclic except for the cycles planted on purpose (see `plantCycles`).
 */

export type ComponentType =
  | 'erp-module'
  | 'service'
  | 'integration'
  | 'website';

export interface GeneratedComponent {
  name: string;
  type: ComponentType;
  system: string;
  owner: string;
  providesApis: string[];
  consumesApis: string[];
  dependsOn: string[];
}

export interface GeneratedApi {
  name: string;
  major: number;
  version: string;
  asyncapi: boolean;
}

/** The component graph: components, APIs, the Resources they depend on, and the planted cycles. */
export interface ComponentGraph {
  components: GeneratedComponent[];
  apis: GeneratedApi[];
  databases: string[];
  buses: string[];
  /** Component refs of each planted cycle. */
  plantedCycles: string[][];
}

export const pad = (i: number, width = 4) => String(i).padStart(width, '0');

/** Components in layers, each placed in a random system with a random owner. */
function generateComponents(
  shape: EstateShape,
  systems: string[],
  groups: string[],
  random: Random,
): GeneratedComponent[] {
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
  return components;
}

/** The APIs and their providers (in component order), with APIs sorted by provider. */
function generateApis(
  shape: EstateShape,
  components: GeneratedComponent[],
  random: Random,
): {
  apis: GeneratedApi[];
  providerIndexOfApi: number[];
  apisByProvider: number[];
} {
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
  return { apis, providerIndexOfApi, apisByProvider };
}

/** What each component consumes and depends on: earlier APIs and components, a database, maybe a bus. */
function wireComponents(
  components: GeneratedComponent[],
  { apis, providerIndexOfApi, apisByProvider }: ReturnType<typeof generateApis>,
  databases: string[],
  buses: string[],
  random: Random,
): void {
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
}

/** Generates the component graph for `shape`, drawing from `random` in a fixed order. */
export function generateComponentGraph(
  shape: EstateShape,
  systems: string[],
  groups: string[],
  random: Random,
): ComponentGraph {
  const components = generateComponents(shape, systems, groups, random);
  const provided = generateApis(shape, components, random);
  const databases = Array.from(
    { length: shape.databases },
    (_, i) => `db-${pad(i)}`,
  );
  const buses = Array.from(
    { length: shape.eventBuses },
    (_, i) => `bus-${pad(i, 3)}`,
  );
  wireComponents(components, provided, databases, buses, random);
  const plantedCycles = plantCycles(components, shape.cycleLengths, random);
  return { components, apis: provided.apis, databases, buses, plantedCycles };
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
