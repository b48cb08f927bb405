/*
 * The portfolio's gate filter (`?gate=production:fail`) looks up, for each matching entity, its
 * latest release's decision in one environment. With 50,000 entities PostgreSQL read the whole
 * gates table for it (one row per release and environment); this index finds the releases with
 * a given decision directly, and answers the filter from the index alone.
 */

const INDEX = 'scorecards_gates_decision_idx';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_gates', table => {
    table.index(['environment', 'decision', 'release_id'], INDEX);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_gates', table => {
    table.dropIndex([], INDEX);
  });
};
