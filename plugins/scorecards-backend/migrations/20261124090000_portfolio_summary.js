/*
 * The portfolio reads one row per entity: the latest release's version, score, grade, gate
 * decisions and failing checks are kept on scorecards_entities, beside the catalog facts, and
 * maintained in the transactions that store evaluations. A portfolio page then filters, counts,
 * sorts and pages one narrow table through its indexes instead of joining every matching entity
 * to its release and evaluation (and carrying each evaluation's JSON through the sort).
 */

const SUMMARY_COLUMNS = [
  'latest_version',
  'latest_released_at',
  'latest_score',
  'latest_grade',
  'latest_gates',
  'latest_failing_checks',
];

/**
 * The same summary the store writes (DatabaseScorecardStore's `releaseSummaryColumns`), for
 * releases scored before this migration.
 */
function summaryOf(evaluation) {
  return {
    latest_score: evaluation.score,
    latest_grade: evaluation.grade,
    latest_gates: JSON.stringify(
      Object.fromEntries(
        evaluation.gates.map(g => [g.environment, g.decision]),
      ),
    ),
    latest_failing_checks: JSON.stringify(
      evaluation.checks
        .filter(check => check.scored && check.status !== 'pass')
        .map(check => ({
          id: check.id,
          title: check.title,
          status: check.status,
        })),
    ),
  };
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_entities', table => {
    table
      .string('latest_version', 255)
      .nullable()
      .comment('Version of the latest release');
    table
      .timestamp('latest_released_at', { useTz: true })
      .nullable()
      .comment('When the latest release was first heard of');
    table
      .integer('latest_score')
      .nullable()
      .comment('Score of the latest release, 0-100');
    table
      .string('latest_grade', 1)
      .nullable()
      .comment('Grade of the latest release, A-F');
    table
      .text('latest_gates')
      .nullable()
      .comment('Gate decision per environment of the latest release, as JSON');
    table
      .text('latest_failing_checks')
      .nullable()
      .comment(
        'Scored checks the latest release fails or misses, as JSON [{id, title, status}]',
      );
    table.index(
      ['latest_score', 'entity_ref'],
      'scorecards_entities_score_idx',
    );
    table.index(
      ['latest_release_id', 'entity_ref'],
      'scorecards_entities_updated_idx',
    );
    table.index(['latest_grade'], 'scorecards_entities_grade_idx');
  });

  const rows = await knex('scorecards_entities as e')
    .join('scorecards_releases as r', 'r.id', 'e.latest_release_id')
    .join('scorecards_evaluations as v', 'v.release_id', 'r.id')
    .select('e.entity_ref', 'r.version', 'r.created_at', 'v.result');
  for (const row of rows) {
    await knex('scorecards_entities')
      .where({ entity_ref: row.entity_ref })
      .update({
        latest_version: row.version,
        latest_released_at: row.created_at,
        ...summaryOf(JSON.parse(row.result)),
      });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_entities', table => {
    table.dropIndex([], 'scorecards_entities_grade_idx');
    table.dropIndex([], 'scorecards_entities_updated_idx');
    table.dropIndex([], 'scorecards_entities_score_idx');
    table.dropColumns(...SUMMARY_COLUMNS);
  });
};
