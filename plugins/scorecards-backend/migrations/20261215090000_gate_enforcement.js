/*
 * Enforcement of gates outside the pipeline:
 * - a release records the digest of the artifact it ships, the subject of its signed gate
 *   decisions;
 * - the GitHub deployment protection rule remembers the webhook deliveries it has answered, so a
 *   replayed delivery is refused on every replica.
 */

/*
 * Outside a transaction: dropping a column on SQLite rebuilds the table, and only outside one can
 * knex turn foreign keys off for the rebuild, so that the releases' evidence and evaluations are
 * not deleted with the old table (ON DELETE CASCADE).
 */
exports.config = { transaction: false };

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_releases', table => {
    table
      .string('artifact_digest', 80)
      .nullable()
      .comment(
        'sha256:<hex> of the artifact the release ships, from its uploads',
      );
  });
  await knex.schema.createTable('scorecards_github_deliveries', table => {
    table.comment('GitHub webhook deliveries answered, by X-GitHub-Delivery');
    table
      .string('delivery_id', 100)
      .primary()
      .comment('The X-GitHub-Delivery GUID');
    table
      .timestamp('handled_at', { useTz: true })
      .notNullable()
      .index()
      .comment('When the deployment was reviewed');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_github_deliveries');
  await knex.schema.alterTable('scorecards_releases', table => {
    table.dropColumn('artifact_digest');
  });
};
