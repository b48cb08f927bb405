import type { Entity } from '@backstage/catalog-model';
import { WAYBILL_ANNOTATIONS } from './names';

/** An API entity's current version (its `waybill.dev/api-version`), if it declares one. */
export function apiVersionOf(entity: Entity): string | undefined {
  return (
    entity.metadata.annotations?.[WAYBILL_ANNOTATIONS.apiVersion]?.trim() ||
    undefined
  );
}
