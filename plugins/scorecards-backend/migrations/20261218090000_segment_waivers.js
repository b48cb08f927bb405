/*
 * Tenant-segment waivers: a waiver may apply only to deliveries to one tenant segment (a tenant
 * rollout's waves of it). Null for every delivery, as every earlier waiver is.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_waivers', table => {
    table
      .string('tenant_segment', 100)
      .nullable()
      .comment(
        'The only tenant segment it applies to; null for every delivery',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_waivers', table => {
    table.dropColumn('tenant_segment');
  });
};
