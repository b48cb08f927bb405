/*
 * Each tenant status row's status version: the rollout's status version of the report that
 * wrote it last (set in the same transaction as the rollout's bump). A board kept at version v
 * reads only the rows with a higher one to catch up, instead of every row of the rollout. Rows
 * written before this migration keep 0, which every board's version is at least.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tenant_rollouts_tenants', table => {
    table
      .integer('status_version')
      .notNullable()
      .defaultTo(0)
      .comment("The rollout's status version of the report that wrote the row");
    table.index(
      ['rollout_id', 'status_version'],
      'tenant_rollouts_tenants_version_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tenant_rollouts_tenants', table => {
    table.dropIndex(
      ['rollout_id', 'status_version'],
      'tenant_rollouts_tenants_version_idx',
    );
  });
  await knex.schema.alterTable('tenant_rollouts_tenants', table => {
    table.dropColumn('status_version');
  });
};
