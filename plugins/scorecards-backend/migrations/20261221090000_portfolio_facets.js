/*
 * The portfolio's gate and business-process filters, walked in page order. A gate decision
 * lived in scorecards_gates, one row per release and environment: at 50,000 entities x 5
 * releases the filter read every release's rows for the decision (most not the latest) and then
 * sorted the ties (80% of entities share the top score) by ref. Business processes were a
 * ",a,b," string found by LIKE, which no index can serve, so a score-sorted page walked the
 * entities by score until it had found a page of members.
 *
 * Each entity with a latest release now has one facet row per gate decision of that release
 * (`gate:<environment>:<decision>`) and per business process (`process:<ref>`), carrying the
 * latest release's score and id: an index per sort (name, score, updated) walks one facet's
 * entities in the portfolio's order. The rows are rewritten whenever the entity row's summary
 * or catalog facts are. A grade or tier filter reads the entity row (see below).
 */

const FACETS = 'scorecards_portfolio_facets';
const SCORE_INDEX = 'scorecards_portfolio_facets_score_idx';
const UPDATED_INDEX = 'scorecards_portfolio_facets_updated_idx';
/**
 * Indexes that lead with a grade or a tier and end with each sort, replacing their single-column
 * indexes: without statistics (Backstage never analyzes SQLite) SQLite took the tier's index for
 * its equality and sorted the tier's 30,000 entities for each page at 50,000.
 */
const REPLACED_INDEXES = {
  scorecards_entities_grade_idx: ['latest_grade'],
  scorecards_entities_tier_idx: ['tier'],
};
const SORTED_INDEXES = Object.fromEntries(
  [
    ['grade', 'latest_grade'],
    ['tier', 'tier'],
  ].flatMap(([name, column]) => [
    [`scorecards_entities_${name}_name_idx`, [column, 'entity_ref']],
    [
      `scorecards_entities_${name}_score_idx`,
      [column, 'latest_score', 'entity_ref'],
    ],
    [
      `scorecards_entities_${name}_updated_idx`,
      [column, 'latest_release_id', 'entity_ref'],
    ],
  ]),
);

/** The facet rows of an entity row, as src/database/facets.ts writes them. */
function facetRowsOf(row) {
  if (row.latest_release_id === null) return [];
  const gates = row.latest_gates ? JSON.parse(row.latest_gates) : {};
  const processes = String(row.business_processes).split(',').filter(Boolean);
  return [
    ...Object.entries(gates).map(
      ([env, decision]) => `gate:${env}:${decision}`,
    ),
    ...[...new Set(processes)].map(ref => `process:${ref}`),
  ].map(facet => ({
    facet,
    entity_ref: row.entity_ref,
    score: row.latest_score,
    release_id: row.latest_release_id,
  }));
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable(FACETS, table => {
    table.comment(
      'One row per gate decision and business process of the latest release of an entity',
    );
    table
      .string('facet', 320)
      .notNullable()
      .comment('gate:<environment>:<decision> or process:<domain ref>');
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('scorecards_entities')
      .onDelete('CASCADE');
    table.integer('score').nullable().comment('latest_score of the entity');
    // Deleting the release nulls the entity's latest_release_id and deletes these rows.
    table
      .integer('release_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('scorecards_releases')
      .onDelete('CASCADE')
      .comment('latest_release_id of the entity');
    table.primary(['facet', 'entity_ref']);
    table.index(['facet', 'score', 'entity_ref'], SCORE_INDEX);
    table.index(['facet', 'release_id', 'entity_ref'], UPDATED_INDEX);
    table.index(['entity_ref'], 'scorecards_portfolio_facets_entity_idx');
  });
  let after = '';
  for (;;) {
    const rows = await knex('scorecards_entities')
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(500)
      .select(
        'entity_ref',
        'latest_release_id',
        'latest_score',
        'latest_gates',
        'business_processes',
      );
    if (rows.length === 0) break;
    const facets = rows.flatMap(facetRowsOf);
    for (let i = 0; i < facets.length; i += 200) {
      await knex(FACETS).insert(facets.slice(i, i + 200));
    }
    after = rows[rows.length - 1].entity_ref;
  }
  await knex.schema.alterTable('scorecards_entities', table => {
    for (const name of Object.keys(REPLACED_INDEXES)) table.dropIndex([], name);
    for (const [name, columns] of Object.entries(SORTED_INDEXES)) {
      table.index(columns, name);
    }
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_entities', table => {
    for (const name of Object.keys(SORTED_INDEXES)) table.dropIndex([], name);
    for (const [name, columns] of Object.entries(REPLACED_INDEXES)) {
      table.index(columns, name);
    }
  });
  await knex.schema.dropTable(FACETS);
};
