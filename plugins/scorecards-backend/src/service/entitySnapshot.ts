import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  businessProcessesOf,
  normalizeEntityRef,
  tierOf,
  tryNormalizeEntityRef,
} from '@waybill/plugin-waybill-common';
import { EntitySnapshot } from '../database/types';

/**
 * What the portfolio keeps of a catalog entity: title, owner, system, tier, and business
 * processes as the normalized Domain refs the dependency map resolves them to
 * (`domain:default/order-to-cash`).
 */
export function entitySnapshot(entity: Entity): EntitySnapshot {
  const context = { defaultNamespace: entity.metadata.namespace };
  return {
    entityRef: normalizeEntityRef(stringifyEntityRef(entity)),
    title: entity.metadata.title ?? entity.metadata.name,
    owner:
      tryNormalizeEntityRef(entity.spec?.owner, {
        ...context,
        defaultKind: 'group',
      }) ?? null,
    system:
      tryNormalizeEntityRef(entity.spec?.system, {
        ...context,
        defaultKind: 'system',
      }) ?? null,
    tier: tierOf(entity),
    businessProcesses: businessProcessesOf(entity),
  };
}
