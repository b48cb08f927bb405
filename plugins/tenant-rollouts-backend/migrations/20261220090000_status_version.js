/*
 * A rollout's status version, bumped in the transaction of every tenant status report: a board
 * read keys what it computed over the statuses by it (with the lock version), so that no
 * replica serves a board computed before another replica's write.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tenant_rollouts', table => {
    table
      .integer('status_version')
      .notNullable()
      .defaultTo(0)
      .comment('Bumped by every tenant status report');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tenant_rollouts', table => {
    table.dropColumn('status_version');
  });
};
