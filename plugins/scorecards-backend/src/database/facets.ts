import { GateDecision } from '@waybill/plugin-scorecards-common';
import { Knex } from 'knex';

/**
 * `scorecards_portfolio_facets`: one row per gate decision and business process of an entity's
 * latest release, with its score and release id, so that a gate or business-process filter walks
 * its entities in page order (see the portfolio_facets migration).
 */
export const FACETS_TABLE = 'scorecards_portfolio_facets';

/** The facet of a gate decision in one environment. */
export function gateFacet(gate: {
  environment: string;
  decision: GateDecision;
}): string {
  return `gate:${gate.environment}:${gate.decision}`;
}

/** The facet of a business process (its Domain ref). */
export function processFacet(businessProcess: string): string {
  return `process:${businessProcess}`;
}

interface EntitySummaryRow {
  entity_ref: string;
  latest_release_id: number | null;
  latest_score: number | null;
  latest_gates: string | null;
  business_processes: string;
}

/** The facet rows of an entity row: none while it has no latest release. */
export function facetRowsOf(row: EntitySummaryRow) {
  if (row.latest_release_id === null) return [];
  const gates: Record<string, GateDecision> = row.latest_gates
    ? JSON.parse(row.latest_gates)
    : {};
  const facets = [
    ...Object.entries(gates).map(([environment, decision]) =>
      gateFacet({ environment, decision }),
    ),
    ...new Set(
      String(row.business_processes)
        .split(',')
        .filter(Boolean)
        .map(processFacet),
    ),
  ];
  return facets.map(facet => ({
    facet,
    entity_ref: row.entity_ref,
    score: row.latest_score,
    release_id: Number(row.latest_release_id),
  }));
}

/**
 * Rewrites the facet rows of the given entities from their rows, in the transaction that changed
 * them: their latest release, its summary or their business processes.
 */
export async function syncFacets(
  tx: Knex.Transaction,
  entityRefs: string[],
): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < entityRefs.length; i += 200) {
    const refs = entityRefs.slice(i, i + 200);
    const rows: EntitySummaryRow[] = await tx('scorecards_entities')
      .whereIn('entity_ref', refs)
      .select(
        'entity_ref',
        'latest_release_id',
        'latest_score',
        'latest_gates',
        'business_processes',
      );
    await tx(FACETS_TABLE).whereIn('entity_ref', refs).delete();
    const facets = rows.flatMap(facetRowsOf);
    for (let j = 0; j < facets.length; j += 200) {
      await tx(FACETS_TABLE).insert(facets.slice(j, j + 200));
    }
  }
}
