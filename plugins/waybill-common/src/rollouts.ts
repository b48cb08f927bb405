import type { Entity } from '@backstage/catalog-model';
import { WAYBILL_ANNOTATIONS } from './names';

/** Where an entity's rollout strategy file is (its `waybill.dev/rollout-strategy`), if it names one. */
export function rolloutStrategyLocationOf(entity: Entity): string | undefined {
  return (
    entity.metadata.annotations?.[
      WAYBILL_ANNOTATIONS.rolloutStrategy
    ]?.trim() || undefined
  );
}
