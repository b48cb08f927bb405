import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';

/** How long an answered delivery id is kept: GitHub offers redelivery for 3 days. */
const KEEP_DAYS = 30;

/** Whether a GitHub webhook delivery has been answered already. */
export async function isDeliveryHandled(
  db: Knex,
  deliveryId: string,
): Promise<boolean> {
  const row = await db('scorecards_github_deliveries')
    .where({ delivery_id: deliveryId })
    .first('delivery_id');
  return row !== undefined;
}

/**
 * Records a delivery as answered, and forgets those answered more than 30 days ago. A delivery
 * recorded twice is refused (409); two replicas racing on one delivery, by the primary key.
 */
export async function markDeliveryHandled(
  db: Knex,
  deliveryId: string,
  at: Date,
): Promise<void> {
  await db.transaction(async tx => {
    const seen = await tx('scorecards_github_deliveries')
      .where({ delivery_id: deliveryId })
      .first('delivery_id');
    if (seen) {
      throw new ConflictError(`Delivery ${deliveryId} was answered already`);
    }
    await tx('scorecards_github_deliveries').insert({
      delivery_id: deliveryId,
      handled_at: at,
    });
    await tx('scorecards_github_deliveries')
      .where('handled_at', '<', new Date(at.getTime() - KEEP_DAYS * 86400000))
      .delete();
  });
}
