/*
 * Static checks of the demo catalog in examples/: every entity is valid for the catalog model,
 * every ref resolves, and the data follows the Waybill conventions documented in
 * examples/README.md (tiers, business processes, API requirements, tenant labels, the one
 * deliberate dependency cycle and the one deliberate API incompatibility).
 *
 * demoCatalog.ingestion.test.ts complements this by loading the same files into a real catalog.
 */
import fs from 'fs';
import path from 'path';
import semver from 'semver';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  KindValidator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  makeValidator,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';

const EXAMPLES_DIR = path.resolve(__dirname, '../../../examples');
const ROOT_FILE = path.join(EXAMPLES_DIR, 'all.yaml');

// The Waybill conventions (examples/README.md).
const TIERS = ['critical', 'standard', 'internal'];
const CRITICALITIES = ['critical', 'high', 'medium'];
const REQUIRED_PROCESSES = [
  'order-to-cash',
  'procure-to-pay',
  'inventory-allocation',
];
const SYSTEM_OF_COMPONENT_TYPE: Record<string, string> = {
  'erp-module': 'erp-core',
  integration: 'integration-hub',
  website: 'customer-channels',
  service: 'customer-channels',
};
const TENANT_LABELS: Record<string, string[]> = {
  'waybill.dev/segment': [
    'wholesale',
    'retail',
    'third-party-logistics',
    'manufacturing',
  ],
  'waybill.dev/region': ['north-america', 'europe', 'asia-pacific'],
  'waybill.dev/tier': TIERS,
  'waybill.dev/cloud': ['aws', 'azure', 'gcp', 'private'],
  'waybill.dev/tenancy': ['shared', 'dedicated'],
};
const TIMEZONE_PREFIX_OF_REGION: Record<string, RegExp> = {
  'north-america': /^America\//,
  europe: /^Europe\//,
  'asia-pacific': /^(Asia|Australia|Pacific)\//,
};
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The built-in kind validators; exactly one of them must accept each entity. */
const KIND_VALIDATORS: Record<string, KindValidator> = {
  Component: componentEntityV1alpha1Validator,
  API: apiEntityV1alpha1Validator,
  Resource: resourceEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
  Domain: domainEntityV1alpha1Validator,
  Group: groupEntityV1alpha1Validator,
  User: userEntityV1alpha1Validator,
  Location: locationEntityV1alpha1Validator,
};

/**
 * The relation fields of the built-in kinds: the kind a ref defaults to (none: the ref must
 * name its kind) and the kinds it may point at in the demo.
 */
const REF_FIELDS: Array<{
  field: string;
  defaultKind?: string;
  allowedKinds: string[];
}> = [
  { field: 'owner', defaultKind: 'group', allowedKinds: ['group'] },
  { field: 'system', defaultKind: 'system', allowedKinds: ['system'] },
  { field: 'domain', defaultKind: 'domain', allowedKinds: ['domain'] },
  { field: 'subdomainOf', defaultKind: 'domain', allowedKinds: ['domain'] },
  {
    field: 'subcomponentOf',
    defaultKind: 'component',
    allowedKinds: ['component'],
  },
  { field: 'providesApis', defaultKind: 'api', allowedKinds: ['api'] },
  { field: 'consumesApis', defaultKind: 'api', allowedKinds: ['api'] },
  { field: 'dependsOn', allowedKinds: ['component', 'resource'] },
  { field: 'dependencyOf', allowedKinds: ['component', 'resource'] },
  { field: 'memberOf', defaultKind: 'group', allowedKinds: ['group'] },
  { field: 'parent', defaultKind: 'group', allowedKinds: ['group'] },
  { field: 'children', defaultKind: 'group', allowedKinds: ['group'] },
  { field: 'members', defaultKind: 'user', allowedKinds: ['user'] },
];

const spec = (entity: Entity) => (entity.spec ?? {}) as Record<string, unknown>;
const strings = (value: unknown): string[] => {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
};
const refOf = (entity: Entity) => stringifyEntityRef(entity);
const annotation = (entity: Entity, key: string) =>
  entity.metadata.annotations?.[key];
const label = (entity: Entity, key: string) => entity.metadata.labels?.[key];
const ofKind = (entities: Entity[], kind: string) =>
  entities.filter(e => e.kind === kind);
const components = (entities: Entity[]) => ofKind(entities, 'Component');
const tenants = (entities: Entity[]) =>
  ofKind(entities, 'Resource').filter(e => spec(e).type === 'tenant');
const countBy = (items: string[]) =>
  items.reduce<Record<string, number>>(
    (counts, item) => ({ ...counts, [item]: (counts[item] ?? 0) + 1 }),
    {},
  );

type LoadedCatalog = {
  /** Every file read, starting with all.yaml, as absolute paths. */
  files: string[];
  entities: Entity[];
  /** YAML syntax errors and documents that are not entities. */
  parseErrors: string[];
};

/** Reads a catalog file and every file its Location entities point at, like a file location. */
function loadCatalog(rootFile: string): LoadedCatalog {
  const catalog: LoadedCatalog = { files: [], entities: [], parseErrors: [] };
  const queue = [rootFile];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (catalog.files.includes(file)) continue;
    catalog.files.push(file);
    const where = path.relative(EXAMPLES_DIR, file);
    if (!fs.existsSync(file)) {
      catalog.parseErrors.push(`${where}: file does not exist`);
      continue;
    }
    parseAllDocuments(fs.readFileSync(file, 'utf8')).forEach((doc, i) => {
      if ('errors' in doc && doc.errors.length > 0) {
        catalog.parseErrors.push(
          `${where} document ${i + 1}: ${doc.errors.map(e => e.message)}`,
        );
        return;
      }
      const entity = doc.toJS();
      if (!entity || typeof entity !== 'object' || Array.isArray(entity)) {
        catalog.parseErrors.push(`${where} document ${i + 1}: not an object`);
        return;
      }
      catalog.entities.push(entity as Entity);
      if (entity.kind === 'Location') {
        for (const target of strings(entity.spec?.target).concat(
          strings(entity.spec?.targets),
        )) {
          queue.push(path.resolve(path.dirname(file), target));
        }
      }
    });
  }
  return catalog;
}

/** `waybill.dev/business-processes`: names separated by a comma and a space. */
function businessProcessesOf(entity: Entity): string[] {
  const value = annotation(entity, 'waybill.dev/business-processes');
  return value ? value.split(', ') : [];
}

/** `waybill.dev/api-requirements`: `<api-name> <semver range>` entries separated by semicolons. */
function apiRequirementsOf(
  entity: Entity,
): Array<{ api: string; range: string }> {
  const value = annotation(entity, 'waybill.dev/api-requirements');
  if (!value) return [];
  return value.split(';').map(entry => {
    const match = /^(\S+)\s+(.+)$/.exec(entry.trim());
    return match
      ? { api: match[1], range: match[2].trim() }
      : { api: entry.trim(), range: '' };
  });
}

function findRefProblems(entities: Entity[]): string[] {
  const byRef = new Map(entities.map(e => [refOf(e), e]));
  const problems: string[] = [];
  for (const entity of entities) {
    for (const { field, defaultKind, allowedKinds } of REF_FIELDS) {
      for (const ref of strings(spec(entity)[field])) {
        const where = `${refOf(entity)} spec.${field} "${ref}"`;
        let target: string;
        try {
          target = stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind,
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          );
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message}`);
          continue;
        }
        const resolved = byRef.get(target);
        if (!resolved) {
          problems.push(`${where}: no entity ${target} in the demo`);
        } else if (!allowedKinds.includes(resolved.kind.toLowerCase())) {
          problems.push(
            `${where}: points at a ${resolved.kind}, expected ${allowedKinds}`,
          );
        }
      }
    }
  }
  return problems;
}

/**
 * The elementary cycles of the dependsOn graph among Components, each listed once, starting
 * from its alphabetically first member (a small DFS from every node, visiting only later nodes).
 */
function findComponentCycles(entities: Entity[]): string[][] {
  const componentRefs = new Set(components(entities).map(refOf));
  const edges = new Map<string, string[]>();
  for (const component of components(entities)) {
    edges.set(
      refOf(component),
      strings(spec(component).dependsOn)
        .map(ref => stringifyEntityRef(parseEntityRef(ref)))
        .filter(ref => componentRefs.has(ref)),
    );
  }
  const nodes = [...edges.keys()].sort();
  const cycles: string[][] = [];
  nodes.forEach((start, index) => {
    const later = new Set(nodes.slice(index + 1));
    const trail: string[] = [];
    const visit = (node: string) => {
      trail.push(node);
      for (const next of edges.get(node) ?? []) {
        if (next === start) cycles.push([...trail]);
        else if (later.has(next) && !trail.includes(next)) visit(next);
      }
      trail.pop();
    };
    visit(start);
  });
  return cycles;
}

/** API requirements whose provider's current `waybill.dev/api-version` is outside the range. */
function findUnsatisfiedRequirements(entities: Entity[]) {
  const versionOf = new Map(
    ofKind(entities, 'API').map(api => [
      api.metadata.name,
      annotation(api, 'waybill.dev/api-version') ?? '',
    ]),
  );
  return components(entities).flatMap(component =>
    apiRequirementsOf(component)
      .filter(
        ({ api, range }) => !semver.satisfies(versionOf.get(api) ?? '', range),
      )
      .map(({ api, range }) => ({
        component: component.metadata.name,
        api,
        range,
        version: versionOf.get(api),
      })),
  );
}

/** The path parameters an OpenAPI operation declares, from the path item and the operation. */
function declaredPathParams(pathItem: any, operation: any): any[] {
  return [
    ...(pathItem.parameters ?? []),
    ...(operation.parameters ?? []),
  ].filter((p: any) => p.in === 'path');
}

/** Problems with an inline OpenAPI 3.0 or AsyncAPI 2.6 definition; empty when it is sound. */
function findDefinitionProblems(api: Entity): string[] {
  const where = refOf(api);
  const version = annotation(api, 'waybill.dev/api-version');
  let doc: any;
  try {
    doc = parseYaml(String(spec(api).definition));
  } catch (error) {
    return [`${where}: definition is not YAML: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (doc?.info?.version !== version) {
    problems.push(
      `${where}: info.version ${doc?.info?.version} differs from waybill.dev/api-version ${version}`,
    );
  }
  if (!doc?.info?.title) problems.push(`${where}: info.title is missing`);

  if (spec(api).type === 'openapi') {
    if (!/^3\.0\.\d+$/.test(String(doc?.openapi))) {
      problems.push(`${where}: openapi is ${doc?.openapi}, expected 3.0.x`);
    }
    const paths = Object.entries<any>(doc?.paths ?? {});
    if (paths.length === 0) problems.push(`${where}: no paths`);
    for (const [route, pathItem] of paths) {
      if (!route.startsWith('/')) {
        problems.push(`${where}: path ${route} does not start with /`);
      }
      const templated = [...route.matchAll(/\{([^}]+)\}/g)].map(m => m[1]);
      const operations = Object.entries<any>(pathItem).filter(([method]) =>
        ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(
          method,
        ),
      );
      if (operations.length === 0) {
        problems.push(`${where}: ${route} has no operations`);
      }
      for (const [method, operation] of operations) {
        const op = `${where}: ${method.toUpperCase()} ${route}`;
        if (Object.keys(operation.responses ?? {}).length === 0) {
          problems.push(`${op} has no responses`);
        }
        const params = declaredPathParams(pathItem, operation);
        for (const name of templated) {
          if (!params.some(p => p.name === name && p.required === true)) {
            problems.push(`${op} does not declare required path param ${name}`);
          }
        }
        for (const p of params) {
          if (!templated.includes(p.name)) {
            problems.push(
              `${op} declares path param ${p.name} not in the path`,
            );
          }
        }
      }
    }
  } else if (spec(api).type === 'asyncapi') {
    if (doc?.asyncapi !== '2.6.0') {
      problems.push(`${where}: asyncapi is ${doc?.asyncapi}, expected 2.6.0`);
    }
    const channels = Object.entries<any>(doc?.channels ?? {});
    if (channels.length === 0) problems.push(`${where}: no channels`);
    for (const [channel, item] of channels) {
      const operations = [item.publish, item.subscribe].filter(Boolean);
      if (operations.length === 0 || operations.some(o => !o.message)) {
        problems.push(
          `${where}: channel ${channel} lacks an operation message`,
        );
      }
    }
  } else {
    problems.push(
      `${where}: spec.type ${spec(api).type} is not openapi/asyncapi`,
    );
  }
  return problems;
}

describe('the Waybill demo catalog (examples/all.yaml)', () => {
  const catalog = loadCatalog(ROOT_FILE);
  const { entities } = catalog;
  const validators = makeValidator();

  it('reads every example file through the waybill-demo Location in all.yaml', () => {
    const root = loadCatalog(ROOT_FILE);
    expect(root.parseErrors).toEqual([]);
    const rootDocs = parseAllDocuments(fs.readFileSync(ROOT_FILE, 'utf8'));
    expect(rootDocs.map(d => d.toJS())).toEqual([
      expect.objectContaining({
        kind: 'Location',
        metadata: expect.objectContaining({ name: 'waybill-demo' }),
      }),
    ]);
    const exampleFiles = fs
      .readdirSync(EXAMPLES_DIR)
      .filter(f => /\.ya?ml$/.test(f))
      .map(f => path.join(EXAMPLES_DIR, f))
      .sort();
    expect([...catalog.files].sort()).toEqual(exampleFiles);
  });

  it('parses every YAML document into an entity', () => {
    expect(catalog.parseErrors).toEqual([]);
    expect(entities.length).toBeGreaterThan(0);
  });

  it('passes the catalog-model kind validator of its kind, for every entity', async () => {
    const problems: string[] = [];
    for (const entity of entities) {
      const accepted: string[] = [];
      for (const [kind, validator] of Object.entries(KIND_VALIDATORS)) {
        try {
          if (await validator.check(entity)) accepted.push(kind);
        } catch (error) {
          problems.push(`${refOf(entity)}: ${(error as Error).message}`);
        }
      }
      if (accepted.length !== 1) {
        problems.push(`${refOf(entity)}: accepted by [${accepted}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("passes the catalog backend's default entity policies (schema, namespace, root fields, field formats)", async () => {
    const policy = EntityPolicies.allOf([
      new SchemaValidEntityPolicy(),
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(validators),
    ]);
    const problems: string[] = [];
    for (const entity of entities) {
      await policy
        .enforce(entity)
        .catch(error => problems.push(`${refOf(entity)}: ${error.message}`));
    }
    expect(problems).toEqual([]);
  });

  it('uses valid kebab-case names in the default namespace, with a title and a one-sentence description', () => {
    const problems: string[] = [];
    for (const entity of entities) {
      const { name, namespace, title, description } = entity.metadata;
      const where = `${entity.kind} ${name}`;
      if (!validators.isValidEntityName(name) || !KEBAB_CASE.test(name)) {
        problems.push(`${where}: name is not lowercase kebab-case`);
      }
      if (namespace !== undefined) {
        problems.push(`${where}: sets metadata.namespace`);
      }
      if (typeof title !== 'string' || title.trim() === '') {
        problems.push(`${where}: no metadata.title`);
      }
      if (
        typeof description !== 'string' ||
        !/^[A-Z].*\.$/.test(description) ||
        /\.\s+[A-Z]/.test(description)
      ) {
        problems.push(`${where}: description is not one sentence`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses valid label and annotation keys and values (makeValidator)', () => {
    const problems: string[] = [];
    for (const entity of entities) {
      const where = refOf(entity);
      for (const [key, value] of Object.entries(entity.metadata.labels ?? {})) {
        if (!validators.isValidLabelKey(key)) {
          problems.push(`${where}: label key ${key}`);
        }
        if (!validators.isValidLabelValue(value)) {
          problems.push(`${where}: label ${key} value "${value}"`);
        }
      }
      for (const [key, value] of Object.entries(
        entity.metadata.annotations ?? {},
      )) {
        if (!validators.isValidAnnotationKey(key)) {
          problems.push(`${where}: annotation key ${key}`);
        }
        if (!validators.isValidAnnotationValue(value)) {
          problems.push(`${where}: annotation ${key} value "${value}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares each entity once', () => {
    const counts = countBy(entities.map(refOf));
    expect(Object.keys(counts).filter(ref => counts[ref] > 1)).toEqual([]);
  });

  it('resolves every owner, system, dependsOn, providesApis, consumesApis, memberOf and parent ref to a demo entity', () => {
    expect(findRefProblems(entities)).toEqual([]);
  });

  it('gives every Component an owning group, a lifecycle, a tier and at least one declared business process', () => {
    const processes = new Set(
      ofKind(entities, 'Domain')
        .filter(d => spec(d).type === 'business-process')
        .map(d => d.metadata.name),
    );
    const problems: string[] = [];
    for (const component of components(entities)) {
      const where = component.metadata.name;
      if (!spec(component).lifecycle) problems.push(`${where}: no lifecycle`);
      if (!TIERS.includes(annotation(component, 'waybill.dev/tier') ?? '')) {
        problems.push(`${where}: waybill.dev/tier is not one of ${TIERS}`);
      }
      const named = businessProcessesOf(component);
      if (named.length === 0) {
        problems.push(`${where}: no waybill.dev/business-processes`);
      }
      for (const process of named) {
        if (!processes.has(process)) {
          problems.push(
            `${where}: "${process}" is not a business-process Domain`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('places ERP modules, integrations and customer apps in their systems', () => {
    const problems = components(entities)
      .filter(
        c =>
          SYSTEM_OF_COMPONENT_TYPE[String(spec(c).type)] === undefined ||
          SYSTEM_OF_COMPONENT_TYPE[String(spec(c).type)] !== spec(c).system,
      )
      .map(c => `${c.metadata.name}: ${spec(c).type} in ${spec(c).system}`);
    expect(problems).toEqual([]);
    expect(
      components(entities)
        .filter(c => spec(c).type === 'erp-module')
        .every(c => spec(c).lifecycle === 'production'),
    ).toBe(true);
  });

  it('lists in waybill.dev/api-requirements only consumed APIs, each with a version range, and gives every consumer that annotation', () => {
    const problems: string[] = [];
    for (const component of components(entities)) {
      const where = component.metadata.name;
      const consumed = strings(spec(component).consumesApis).map(ref =>
        stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'api' })),
      );
      const requirements = apiRequirementsOf(component);
      if (consumed.length > 0 && requirements.length === 0) {
        problems.push(`${where}: consumes APIs but has no api-requirements`);
      }
      for (const { api, range } of requirements) {
        const ref = stringifyEntityRef({ kind: 'api', name: api });
        if (!consumed.includes(ref)) {
          problems.push(
            `${where}: requires ${api}, which is not in consumesApis`,
          );
        }
        if (semver.validRange(range) === null) {
          problems.push(`${where}: ${api} "${range}" is not a semver range`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has exactly one deliberately unsatisfied API requirement: customer-portal wants pricing-api ^3.0.0', () => {
    expect(findUnsatisfiedRequirements(entities)).toEqual([
      {
        component: 'customer-portal',
        api: 'pricing-api',
        range: '^3.0.0',
        version: '2.4.0',
      },
    ]);
  });

  it('gives every API a quoted x.y.z waybill.dev/api-version matching its inline OpenAPI 3.0 or AsyncAPI 2.6 definition', () => {
    const problems = ofKind(entities, 'API').flatMap(api => {
      const version = annotation(api, 'waybill.dev/api-version');
      const errors = findDefinitionProblems(api);
      if (typeof version !== 'string' || semver.valid(version) !== version) {
        errors.push(`${api.metadata.name}: api-version "${version}"`);
      }
      if (
        !['production', 'experimental', 'deprecated'].includes(
          String(spec(api).lifecycle),
        )
      ) {
        errors.push(`${api.metadata.name}: lifecycle ${spec(api).lifecycle}`);
      }
      return errors;
    });
    expect(problems).toEqual([]);
  });

  it('declares the business processes as Domains with a criticality and an owner, which no System points at', () => {
    const processes = ofKind(entities, 'Domain').filter(
      d => spec(d).type === 'business-process',
    );
    expect(processes.map(d => d.metadata.name)).toEqual(
      expect.arrayContaining(REQUIRED_PROCESSES),
    );
    for (const process of processes) {
      expect({
        name: process.metadata.name,
        criticality: CRITICALITIES.includes(
          annotation(process, 'waybill.dev/criticality') ?? '',
        ),
      }).toEqual({ name: process.metadata.name, criticality: true });
    }
    const processRefs = processes.map(refOf);
    const systemsInProcesses = ofKind(entities, 'System').filter(system =>
      strings(spec(system).domain).some(ref =>
        processRefs.includes(
          stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'domain' })),
        ),
      ),
    );
    expect(systemsInProcesses.map(s => s.metadata.name)).toEqual([]);
  });

  it('defines the organization: teams under meridian, two or more people per team, and the guest user', () => {
    const groups = ofKind(entities, 'Group');
    const users = ofKind(entities, 'User');
    const meridian = groups.find(g => g.metadata.name === 'meridian');
    expect(meridian && spec(meridian).type).toBe('organization');
    const teams = groups.filter(g => g !== meridian);
    expect(
      teams
        .filter(t => spec(t).type !== 'team' || spec(t).parent !== 'meridian')
        .map(t => t.metadata.name),
    ).toEqual([]);
    const members = countBy(
      users
        .filter(u => u.metadata.name !== 'guest')
        .flatMap(u => strings(spec(u).memberOf)),
    );
    expect(
      teams.map(t => t.metadata.name).filter(team => (members[team] ?? 0) < 2),
    ).toEqual([]);

    const guest = users.find(u => u.metadata.name === 'guest');
    expect(guest && spec(guest)).toEqual(
      expect.objectContaining({
        profile: { displayName: 'Guest Developer', email: 'guest@example.com' },
        memberOf: expect.arrayContaining([
          'order-management',
          'release-management',
        ]),
      }),
    );
  });

  it('meets the minimum counts of ERP modules, integrations, customer apps, APIs and tenants', () => {
    const names = (type: string) =>
      components(entities)
        .filter(c => spec(c).type === type)
        .map(c => c.metadata.name);
    expect(names('erp-module')).toEqual(
      expect.arrayContaining(['sales', 'inventory', 'purchase', 'accounting']),
    );
    expect(names('integration')).toEqual(
      expect.arrayContaining([
        'edi-gateway',
        'carrier-labels',
        'inventory-sync',
        'supplier-portal-sync',
        'payment-reconciliation',
      ]),
    );
    expect([...names('website'), ...names('service')]).toEqual(
      expect.arrayContaining([
        'customer-portal',
        'order-tracking',
        'pricing-api',
        'warehouse-mobile-app',
      ]),
    );
    expect(ofKind(entities, 'API').length).toBeGreaterThanOrEqual(8);
    expect(tenants(entities).length).toBeGreaterThanOrEqual(40);
  });

  it('labels every tenant on all five axes with allowed values, owned by customer-success and served by components', () => {
    const problems: string[] = [];
    for (const tenant of tenants(entities)) {
      const where = tenant.metadata.name;
      for (const [key, allowed] of Object.entries(TENANT_LABELS)) {
        if (!allowed.includes(label(tenant, key) ?? '')) {
          problems.push(`${where}: ${key}=${label(tenant, key)}`);
        }
      }
      if (spec(tenant).owner !== 'customer-success') {
        problems.push(`${where}: owner ${spec(tenant).owner}`);
      }
      if (spec(tenant).system !== undefined)
        problems.push(`${where}: has a system`);
      const served = strings(spec(tenant).dependsOn).map(ref =>
        parseEntityRef(ref),
      );
      if (served.length === 0 || served.some(ref => ref.kind !== 'component')) {
        problems.push(`${where}: dependsOn must list components only`);
      }
      const erpModules = components(entities)
        .filter(c => spec(c).type === 'erp-module')
        .map(c => c.metadata.name);
      if (!served.some(ref => erpModules.includes(ref.name))) {
        problems.push(`${where}: served by no ERP module`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every tenant a waybill.dev/timezone that Intl.DateTimeFormat accepts and that lies in its region', () => {
    const problems: string[] = [];
    for (const tenant of tenants(entities)) {
      const zone = annotation(tenant, 'waybill.dev/timezone') ?? '';
      const region = label(tenant, 'waybill.dev/region') ?? '';
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(new Date());
      } catch {
        problems.push(`${tenant.metadata.name}: "${zone}" is not a time zone`);
        continue;
      }
      if (!TIMEZONE_PREFIX_OF_REGION[region]?.test(zone)) {
        problems.push(`${tenant.metadata.name}: ${zone} is not in ${region}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers every segment, region, tier and cloud on at least two tenants', () => {
    const all = tenants(entities);
    const values = (key: string) =>
      countBy(all.map(t => label(t, key) ?? '(missing)'));
    for (const key of [
      'waybill.dev/segment',
      'waybill.dev/region',
      'waybill.dev/tier',
      'waybill.dev/cloud',
    ]) {
      const counts = values(key);
      expect({ key, values: Object.keys(counts).sort() }).toEqual({
        key,
        values: [...TENANT_LABELS[key]].sort(),
      });
      expect({
        key,
        rare: Object.keys(counts).filter(v => counts[v] < 2),
      }).toEqual({ key, rare: [] });
    }
    const internal = all.filter(
      t => label(t, 'waybill.dev/tier') === 'internal',
    );
    expect(internal.map(t => t.metadata.name)).toEqual([
      expect.stringMatching(/^meridian-internal-/),
      expect.stringMatching(/^meridian-internal-/),
      expect.stringMatching(/^meridian-internal-/),
    ]);
    expect(values('waybill.dev/tenancy').dedicated).toBeGreaterThanOrEqual(3);
  });

  it('keeps infrastructure resources as leaves: only tenants depend on anything, and nothing depends on a tenant', () => {
    const tenantRefs = new Set(tenants(entities).map(refOf));
    const problems = [
      ...ofKind(entities, 'Resource')
        .filter(
          r => !tenantRefs.has(refOf(r)) && spec(r).dependsOn !== undefined,
        )
        .map(r => `${r.metadata.name} depends on something`),
      ...entities
        .filter(e =>
          strings(spec(e).dependsOn).some(ref =>
            tenantRefs.has(stringifyEntityRef(parseEntityRef(ref))),
          ),
        )
        .map(e => `${e.metadata.name} depends on a tenant`),
    ];
    expect(problems).toEqual([]);
  });

  it('has exactly one dependency cycle among Components: inventory <-> purchase', () => {
    expect(findComponentCycles(entities)).toEqual([
      ['component:default/inventory', 'component:default/purchase'],
    ]);
  });
});

describe('the demo catalog checks themselves', () => {
  const pristine = loadCatalog(ROOT_FILE).entities;
  const broken = (change: (entities: Entity[]) => void) => {
    const copy: Entity[] = JSON.parse(JSON.stringify(pristine));
    change(copy);
    return copy;
  };
  const named = (entities: Entity[], kind: string, name: string) =>
    entities.find(e => e.kind === kind && e.metadata.name === name)!;

  it('report a dangling owner and a dependsOn ref without a kind', () => {
    const entities = broken(copy => {
      named(copy, 'Component', 'sales').spec!.owner = 'sales-team';
      named(copy, 'Component', 'carrier-labels').spec!.dependsOn = [
        'warehouse-management',
      ];
    });
    expect(findRefProblems(entities)).toEqual([
      expect.stringContaining('no entity group:default/sales-team'),
      expect.stringContaining(
        'carrier-labels spec.dependsOn "warehouse-management"',
      ),
    ]);
  });

  it('report a second dependency cycle', () => {
    const entities = broken(copy => {
      (named(copy, 'Component', 'accounting').spec!.dependsOn as string[]).push(
        'component:sales',
      );
    });
    expect(findComponentCycles(entities)).toContainEqual([
      'component:default/accounting',
      'component:default/sales',
    ]);
  });

  it('report a requirement the provider does not satisfy, and accept one it does', () => {
    const entities = broken(copy => {
      named(copy, 'API', 'ledger-postings-api').metadata.annotations![
        'waybill.dev/api-version'
      ] = '5.0.0';
    });
    expect(findUnsatisfiedRequirements(entities).map(r => r.component)).toEqual(
      expect.arrayContaining(['sales', 'purchase', 'payment-reconciliation']),
    );
  });
});
