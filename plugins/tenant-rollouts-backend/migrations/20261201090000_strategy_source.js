/*
 * Where a rollout's strategy came from: the request, a configured strategy, the built-in one,
 * or the URL of the released entity's strategy file (waybill.dev/rollout-strategy).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tenant_rollouts', table => {
    table
      .text('strategy_source')
      .nullable()
      .comment(
        'request | config:<name> | built-in | the URL of the strategy file; null before this was recorded',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tenant_rollouts', table => {
    table.dropColumn('strategy_source');
  });
};
