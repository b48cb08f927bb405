import { Knex } from 'knex';
import { syncFacets } from './facets';
import { EntitySnapshot } from './types';

/** The catalog facts of an entity as `scorecards_entities` columns. */
export function entityColumns(entity: EntitySnapshot) {
  return {
    entity_ref: entity.entityRef,
    title: entity.title,
    owner: entity.owner,
    system: entity.system,
    tier: entity.tier,
    // ",a,b,"; the portfolio filters by the facet rows written from it (see ./facets).
    business_processes: `,${entity.businessProcesses.join(',')},`,
  };
}

/** The business processes of a `scorecards_entities` row. */
export function businessProcessesOfRow(row: {
  business_processes: unknown;
}): string[] {
  return String(row.business_processes).split(',').filter(Boolean);
}

/** Stores the entity's catalog facts and points it at its newest release. */
export async function upsertEntity(
  tx: Knex.Transaction,
  entity: EntitySnapshot,
): Promise<void> {
  const latest = await tx('scorecards_releases')
    .where({ entity_ref: entity.entityRef })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first('id');
  await tx('scorecards_entities')
    .insert({ ...entityColumns(entity), latest_release_id: latest.id })
    .onConflict('entity_ref')
    .merge();
  await syncFacets(tx, [entity.entityRef]);
}

/** Refs of every entity that has releases. */
export async function listEntityRefs(db: Knex): Promise<string[]> {
  const rows = await db('scorecards_entities')
    .orderBy('entity_ref')
    .select('entity_ref');
  return rows.map(row => row.entity_ref);
}

/** Refreshes the catalog facts of entities already known; unknown refs are ignored. */
export async function updateEntities(
  db: Knex,
  snapshots: EntitySnapshot[],
): Promise<void> {
  await db.transaction(async tx => {
    for (const snapshot of snapshots) {
      const { entity_ref, ...columns } = entityColumns(snapshot);
      await tx('scorecards_entities').where({ entity_ref }).update(columns);
    }
    await syncFacets(
      tx,
      snapshots.map(snapshot => snapshot.entityRef),
    );
  });
}
