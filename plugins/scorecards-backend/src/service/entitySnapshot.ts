import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { tierOfEntity } from '@waybill/plugin-scorecards-common';
import { EntitySnapshot } from '../database/types';

/** The annotation through which an entity joins business processes (comma-separated names). */
export const BUSINESS_PROCESSES_ANNOTATION = 'waybill.dev/business-processes';

function fullRef(
  ref: unknown,
  defaultKind: string,
  namespace: string,
): string | null {
  if (typeof ref !== 'string' || ref.length === 0) return null;
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace: namespace }),
  ).toLocaleLowerCase('en-US');
}

/** What the portfolio keeps of a catalog entity: title, owner, system, tier, business processes. */
export function entitySnapshot(entity: Entity): EntitySnapshot {
  const namespace = entity.metadata.namespace ?? 'default';
  const processes =
    entity.metadata.annotations?.[BUSINESS_PROCESSES_ANNOTATION] ?? '';
  return {
    entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    title: entity.metadata.title ?? entity.metadata.name,
    owner: fullRef(entity.spec?.owner, 'group', namespace),
    system: fullRef(entity.spec?.system, 'system', namespace),
    tier: tierOfEntity(entity),
    businessProcesses: processes
      .split(',')
      .map(name => name.trim().toLocaleLowerCase('en-US'))
      .filter(Boolean),
  };
}
