import {
  DEFAULT_NAMESPACE,
  Entity,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import {
  WAYBILL_ANNOTATIONS,
  apiVersionOf,
  declaredTierOf,
  isTenantEntity,
  normalizeEntityRef,
  readApiRequirements,
  readBusinessProcesses,
  readTenant,
} from '@waybill/plugin-waybill-common';
import { BusinessProcess, DependencyNode, TenantLabels } from '../model';
import { ReadingSink, readRef, stringAt } from './state';

/** The owner: the `ownedBy` relation, else `spec.owner` (a Group unless it names a kind). */
function ownerOf(
  sink: Pick<ReadingSink, 'warnings'>,
  entity: Entity,
): string | undefined {
  const owned = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (owned) return owned.targetRef.toLowerCase();
  const raw = stringAt(entity.spec?.owner);
  return raw ? readRef(sink, raw, entity, 'group', 'spec.owner') : undefined;
}

/** A business-process Domain as the process it declares. */
export function readBusinessProcess(
  sink: Pick<ReadingSink, 'warnings'>,
  entity: Entity,
): BusinessProcess {
  return {
    ref: normalizeEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description,
    criticality: stringAt(
      entity.metadata.annotations?.[WAYBILL_ANNOTATIONS.criticality],
    ),
    owner: ownerOf(sink, entity),
  };
}

/** The business processes an entity names; entries that are no ref are warnings. */
function businessProcessesOf(
  sink: Pick<ReadingSink, 'warnings'>,
  entity: Entity,
): string[] {
  const { refs, invalid } = readBusinessProcesses(entity);
  for (const entry of invalid) {
    sink.warnings.push(
      `${normalizeEntityRef(
        entity,
      )}: cannot read business process "${entry}" as an entity ref`,
    );
  }
  return refs;
}

/**
 * A tenant's labels, read strictly: a tenant whose labels do not read as a tenant is a warning
 * naming the problem, and the node stays a plain one (undefined).
 */
function tenantLabelsOf(
  sink: Pick<ReadingSink, 'warnings'>,
  entity: Entity,
): TenantLabels | undefined {
  if (!isTenantEntity(entity)) return undefined;
  const read = readTenant(entity);
  if ('problem' in read) {
    sink.warnings.push(
      `${normalizeEntityRef(entity)}: not read as a tenant: ${read.problem}`,
    );
    return undefined;
  }
  const { segment, region, tier, cloud, tenancy, timeZone } = read.tenant;
  return { segment, region, tier, cloud, tenancy, timezone: timeZone };
}

/** An entity of a node kind as its node; problems found while reading it are warnings. */
export function readNode(
  sink: Pick<ReadingSink, 'warnings'>,
  entity: Entity,
): DependencyNode {
  const kind = entity.kind.toLowerCase();
  const ref = normalizeEntityRef(entity);
  const node: DependencyNode = {
    ref,
    kind,
    namespace: (entity.metadata.namespace ?? DEFAULT_NAMESPACE).toLowerCase(),
    name: entity.metadata.name.toLowerCase(),
    type: stringAt(entity.spec?.type),
    title: entity.metadata.title ?? entity.metadata.name,
    owner: ownerOf(sink, entity),
    businessProcesses: businessProcessesOf(sink, entity),
    tier: declaredTierOf(entity),
    lifecycle: stringAt(entity.spec?.lifecycle),
  };
  if (kind === 'api') node.apiVersion = apiVersionOf(entity);
  const requirements = readApiRequirements(entity);
  if (requirements) {
    node.apiRequirements = requirements.requirements;
    for (const problem of requirements.problems) {
      sink.warnings.push(`${ref}: ${problem}`);
    }
  }
  const tenant = tenantLabelsOf(sink, entity);
  if (tenant) node.tenant = tenant;
  return node;
}
