/*
 * Gate overrides can be revoked: who ended one before it expired, when and why. A revoked
 * override stays on the release's record and no longer lets the release through.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards_overrides', table => {
    table
      .timestamp('revoked_at', { useTz: true })
      .nullable()
      .comment('When the override was revoked; null while it was not');
    table
      .string('revoked_by', 255)
      .nullable()
      .comment('User entity ref of who revoked it');
    table.text('revoke_reason').nullable().comment('Why it was revoked');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards_overrides', table => {
    table.dropColumn('revoke_reason');
    table.dropColumn('revoked_by');
    table.dropColumn('revoked_at');
  });
};
