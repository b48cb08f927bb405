/*
 * When the owners and the granter of an override or a waiver were told it expires soon, so each
 * is told once, across replicas and scheduler passes.
 */

const TABLES = ['scorecards_overrides', 'scorecards_waivers'];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  for (const name of TABLES) {
    await knex.schema.alterTable(name, table => {
      table
        .timestamp('expiry_notified_at', { useTz: true })
        .nullable()
        .comment('When its expiry was notified; null until then');
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of TABLES) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('expiry_notified_at');
    });
  }
};
