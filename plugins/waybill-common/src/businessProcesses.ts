import type { Entity } from '@backstage/catalog-model';
import { normalizeEntityRef } from './entityRef';
import { BUSINESS_PROCESS_TYPE, WAYBILL_ANNOTATIONS } from './names';

/** An entity's business processes as read from its annotation. */
export interface BusinessProcessesRead {
  /** Normalized Domain refs, e.g. `domain:default/order-to-cash`, each once, in annotation order. */
  refs: string[];
  /** Entries that are not entity refs, verbatim. */
  invalid: string[];
}

/**
 * Reads `waybill.dev/business-processes`: comma-separated Domain names (`order-to-cash`) or refs
 * (`domain:logistics/order-to-cash`), resolved in the entity's namespace.
 */
export function readBusinessProcesses(entity: Entity): BusinessProcessesRead {
  const raw =
    entity.metadata.annotations?.[WAYBILL_ANNOTATIONS.businessProcesses] ?? '';
  const refs: string[] = [];
  const invalid: string[] = [];
  for (const entry of raw.split(',').map(part => part.trim())) {
    if (entry === '') continue;
    try {
      const ref = normalizeEntityRef(entry, {
        defaultKind: 'domain',
        defaultNamespace: entity.metadata.namespace,
      });
      if (!refs.includes(ref)) refs.push(ref);
    } catch {
      invalid.push(entry);
    }
  }
  return { refs, invalid };
}

/** The normalized Domain refs of an entity's business processes; entries that are no ref are left out. */
export function businessProcessesOf(entity: Entity): string[] {
  return readBusinessProcesses(entity).refs;
}

/** Whether an entity declares a business process: a Domain of `spec.type: business-process`. */
export function isBusinessProcessEntity(entity: Entity): boolean {
  return (
    entity.kind.toLowerCase() === 'domain' &&
    entity.spec?.type === BUSINESS_PROCESS_TYPE
  );
}
