import { DeliveryEvent } from '@waybill/plugin-scorecards-common';
import { whereRefIn } from '@waybill/plugin-waybill-node';
import { Knex } from 'knex';

/** Stores delivery events, ignoring ones already stored (same source and id). */
export async function recordDeliveryEvents(
  db: Knex,
  events: DeliveryEvent[],
): Promise<{ stored: number; duplicates: number }> {
  if (events.length === 0) return { stored: 0, duplicates: 0 };
  return db.transaction(async tx => {
    let stored = 0;
    // Batches keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < events.length; i += 100) {
      const inserted = await tx('scorecards_delivery_events')
        .insert(
          events.slice(i, i + 100).map(event => ({
            source: event.source ?? '',
            event_id: event.id,
            entity_ref: event.entityRef,
            type: event.type,
            occurred_at: new Date(event.occurredAt),
            event: JSON.stringify(event),
          })),
        )
        .onConflict(['source', 'event_id'])
        .ignore()
        .returning('id');
      stored += inserted.length;
    }
    return { stored, duplicates: events.length - stored };
  });
}

/** Delivery events of the given entities in `[from, to)`, oldest first. */
export async function listDeliveryEvents(
  db: Knex,
  options: { entityRefs: string[]; from: Date; to: Date },
): Promise<DeliveryEvent[]> {
  const rows = await whereRefIn(
    db('scorecards_delivery_events'),
    'entity_ref',
    options.entityRefs,
  )
    .where('occurred_at', '>=', options.from)
    .where('occurred_at', '<', options.to)
    .orderBy([{ column: 'occurred_at' }, { column: 'id' }])
    .select('event');
  return rows.map(
    (row: { event: string }) => JSON.parse(row.event) as DeliveryEvent,
  );
}
