/*
 * The portfolio's gate filter (`?gate=production:fail`) looks up, for each matching entity, its
 * latest release's decision in one environment. With 50,000 entities PostgreSQL read the whole
 * gates table for it (one row per release and environment), and sorted by score it walked the
 * entities from the best score down, most of which pass: failing releases score low. So each
 * gate row also keeps its release's score (written with it: a re-evaluation rewrites both),
 * and two indexes find a decision's releases in release order and in score order, which is the
 * order the portfolio pages them in. The entity of a gate row is then found by its latest
 * release id, which a unique index says is one row: without statistics, SQLite otherwise picked
 * another filter's index (tier, say) for that lookup and read it once per gate row (seconds at
 * 20,000 entities).
 */

const DECISION_INDEX = 'scorecards_gates_decision_idx';
const SCORE_INDEX = 'scorecards_gates_decision_score_idx';
const LATEST_RELEASE_INDEX = 'scorecards_entities_latest_release_idx';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_gates', table => {
    table
      .integer('score')
      .nullable()
      .comment("The release's score, 0-100, as evaluated with this decision");
  });
  await knex('scorecards_gates').update({
    score: knex('scorecards_evaluations as v')
      .select('v.score')
      .whereRaw('v.release_id = scorecards_gates.release_id'),
  });
  await knex.schema.alterTable('scorecards_gates', table => {
    table.index(['environment', 'decision', 'release_id'], DECISION_INDEX);
    table.index(
      ['environment', 'decision', 'score', 'release_id'],
      SCORE_INDEX,
    );
  });
  // An entity's latest release is its own: no two entities share one.
  await knex.schema.alterTable('scorecards_entities', table => {
    table.unique(['latest_release_id'], { indexName: LATEST_RELEASE_INDEX });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_entities', table => {
    table.dropUnique([], LATEST_RELEASE_INDEX);
  });
  await knex.schema.alterTable('scorecards_gates', table => {
    table.dropIndex([], SCORE_INDEX);
    table.dropIndex([], DECISION_INDEX);
  });
  await knex.schema.alterTable('scorecards_gates', table => {
    table.dropColumn('score');
  });
};
