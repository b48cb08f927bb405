/*
 * Finding waivers: a waiver may accept one finding a check counts (a vulnerability id or a SARIF
 * rule id) rather than the whole check. Null for a waiver of the whole check, as every earlier
 * waiver is.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_waivers', table => {
    table
      .string('finding', 200)
      .nullable()
      .comment('The one finding accepted; null for the whole check');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_waivers', table => {
    table.dropColumn('finding');
  });
};
