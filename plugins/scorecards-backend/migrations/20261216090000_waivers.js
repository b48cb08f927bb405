/*
 * Waivers: one failing check of an entity's releases (a version or a semver range) accepted in
 * one environment until an expiry, asked for by one person and approved by another. Revoked and
 * expired waivers stay, for the audit.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards_waivers', table => {
    table.comment('Waivers of one check of an entity, per environment');
    table.increments('id');
    table
      .string('entity_ref', 255)
      .notNullable()
      .index()
      .comment('Full, lower-case entity ref');
    table
      .string('version_range', 200)
      .notNullable()
      .comment('One version, or a semver range');
    table.string('environment', 255).notNullable();
    table.string('check_id', 255).notNullable().comment('The policy check');
    table.text('reason').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable().index();
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('User entity ref of who asked');
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('approved_by', 255).nullable();
    table.timestamp('approved_at', { useTz: true }).nullable();
    table.string('revoked_by', 255).nullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.text('revoke_reason').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_waivers');
};
