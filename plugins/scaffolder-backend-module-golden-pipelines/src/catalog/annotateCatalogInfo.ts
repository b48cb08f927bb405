import {
  DEFAULT_NAMESPACE,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { isMap, isSeq, parseAllDocuments, YAMLSeq } from 'yaml';
import {
  parseEntityRef,
  Tier,
  WAYBILL_ANNOTATIONS,
} from '@waybill/plugin-waybill-common';
import { CiProvider } from '../pipeline/model';
import { ROLLOUT_STRATEGY_REF } from '../pipeline/rolloutStrategy';

/** What the catalog conventions record about a service, as annotations and relations. */
export type CatalogFacts = {
  tier: Tier;
  /** Normalized Domain refs, e.g. `domain:default/order-to-cash`. */
  businessProcesses: string[];
  /** APIs consumed, with the provider versions the service works with. */
  apiRequirements: Array<{ api: string; range: string }>;
  /** Full refs of components and resources the service depends on. */
  dependsOn: string[];
  /** The System the component belongs to. */
  system?: string;
  /**
   * The repository the service's pipelines run in. Waybill lets a pipeline calling with its OIDC
   * token act only for entities naming its repository (`github.com/project-slug`,
   * `gitlab.com/project-slug`).
   */
  repository?: { ciProvider: CiProvider; project: string };
};

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/**
 * Validates an entity as the catalog would on ingestion (envelope, metadata formats, kind
 * schema), throwing an InputError that names the problem.
 */
export async function validateCatalogEntity(entity: unknown): Promise<Entity> {
  let checked: Entity | undefined;
  try {
    checked = await policy.enforce(entity as Entity);
  } catch (e) {
    throw new InputError(
      `catalog-info.yaml is not a valid entity: ${(e as Error).message}`,
    );
  }
  if (!checked)
    throw new InputError('catalog-info.yaml was rejected by the entity policy');
  if (checked.kind === 'Component') {
    try {
      await componentEntityV1alpha1Validator.check(checked);
    } catch (e) {
      throw new InputError(
        `catalog-info.yaml is not a valid Component: ${(e as Error).message}`,
      );
    }
  }
  return checked;
}

/**
 * The `waybill.dev/business-processes` value naming these Domains from an entity of `namespace`:
 * a Domain of the entity's own namespace by its name (as the catalog's YAML conventionally
 * writes it), any other by its full ref. waybill-common's `readBusinessProcesses`, which resolves
 * names in the entity's namespace, reads it back as the same refs.
 */
export function businessProcessesAnnotation(
  refs: string[],
  namespace: string,
): string {
  return refs
    .map(ref => {
      const domain = parseEntityRef(ref, { defaultKind: 'domain' });
      return domain.namespace === namespace.toLowerCase()
        ? domain.name
        : `domain:${domain.namespace}/${domain.name}`;
    })
    .join(', ');
}

function mergeSeq(
  doc: ReturnType<typeof parseAllDocuments>[number],
  path: string[],
  values: string[],
) {
  if (values.length === 0) return;
  const existing = doc.getIn(path);
  const current = isSeq(existing)
    ? (existing as YAMLSeq).items.map(i =>
        String((i as { value?: unknown }).value ?? i),
      )
    : [];
  const merged = [...current];
  for (const v of values) if (!merged.includes(v)) merged.push(v);
  doc.setIn(path, doc.createNode(merged));
}

/**
 * Writes the tier, business processes, rollout strategy, API requirements and dependencies into the
 * Component of a catalog-info.yaml, under waybill-common's annotation names (each read by a
 * plugin: tier and business processes by scorecards and the dependency map, API requirements by
 * the dependency map, the rollout strategy file by tenant rollouts), keeping everything else (comments included), and checks
 * the result with the catalog's own validators. Returns the new file and the entity.
 */
export async function annotateCatalogInfo(
  content: string,
  componentName: string,
  facts: CatalogFacts,
): Promise<{ content: string; entity: Entity }> {
  const docs = parseAllDocuments(content);
  if (!Array.isArray(docs)) {
    throw new InputError('catalog-info.yaml could not be parsed');
  }
  for (const d of docs) {
    if (d.errors.length > 0) {
      throw new InputError(
        `catalog-info.yaml does not parse: ${d.errors[0].message}`,
      );
    }
  }
  const doc = docs.find(d => {
    const js = d.toJS();
    return js?.kind === 'Component' && js?.metadata?.name === componentName;
  });
  if (!doc || !isMap(doc.contents)) {
    throw new InputError(
      `catalog-info.yaml has no Component named ${componentName}`,
    );
  }
  const a = (key: string, value: string | undefined) => {
    if (value === undefined || value === '') {
      doc.deleteIn(['metadata', 'annotations', key]);
    } else {
      doc.setIn(['metadata', 'annotations', key], value);
    }
  };
  if (facts.repository) {
    a(
      facts.repository.ciProvider === 'gitlab-ci'
        ? 'gitlab.com/project-slug'
        : 'github.com/project-slug',
      facts.repository.project,
    );
  }
  a(WAYBILL_ANNOTATIONS.tier, facts.tier);
  a(
    WAYBILL_ANNOTATIONS.businessProcesses,
    businessProcessesAnnotation(
      facts.businessProcesses,
      String(doc.getIn(['metadata', 'namespace']) ?? DEFAULT_NAMESPACE),
    ),
  );
  a(WAYBILL_ANNOTATIONS.rolloutStrategy, ROLLOUT_STRATEGY_REF);
  a(
    WAYBILL_ANNOTATIONS.apiRequirements,
    facts.apiRequirements.map(r => `${r.api} ${r.range}`).join('; ') ||
      undefined,
  );
  mergeSeq(
    doc,
    ['spec', 'consumesApis'],
    facts.apiRequirements.map(r => r.api),
  );
  mergeSeq(doc, ['spec', 'dependsOn'], facts.dependsOn);
  if (facts.system) doc.setIn(['spec', 'system'], facts.system);

  const entity = await validateCatalogEntity(doc.toJS());
  return {
    content: docs.map(d => d.toString({ lineWidth: 0 })).join(''),
    entity,
  };
}
