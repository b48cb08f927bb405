/*
 * The last alert sent about a rollout (a hold by freeze, gate or health, or a failing wave), so
 * each is notified once across replicas and scheduler passes; an applied action clears it.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tenant_rollouts', table => {
    table
      .text('alert_signature')
      .nullable()
      .comment(
        'held:<wave>:<blocker kinds> | failing:<wave>; null when no alert stands since the last action',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tenant_rollouts', table => {
    table.dropColumn('alert_signature');
  });
};
