/*
 * Tenant rollouts: a release delivered to tenants in waves, each tenant's status, and the
 * trail of every state change with who and why.
 */

/**
 * The rollouts.
 *
 * @param {import('knex').Knex} knex
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function rolloutsTable(knex, table) {
  table.comment(
    'A rollout: one version of one entity to one environment, in waves',
  );
  table.increments('id').primary();
  table
    .string('entity_ref', 255)
    .notNullable()
    .comment('Full entity ref of the released deployable, lower case');
  table.string('version', 255).notNullable().comment('Release version');
  table.string('environment', 255).notNullable().comment('Target environment');
  table.text('strategy').notNullable().comment('The rollout strategy, JSON');
  table
    .text('plan')
    .notNullable()
    .comment('The planned waves and the tenants at planning time, JSON');
  table
    .string('state', 16)
    .notNullable()
    .comment('planned | running | paused | rolled-back | completed');
  table
    .integer('current_wave')
    .notNullable()
    .defaultTo(0)
    .comment('Index of the wave being deployed (or to deploy first)');
  table
    .integer('lock_version')
    .notNullable()
    .defaultTo(0)
    .comment('Optimistic concurrency: every transition bumps it');
  table.string('created_by', 255).notNullable();
  table
    .timestamp('created_at', { useTz: true })
    .notNullable()
    .defaultTo(knex.fn.now());
  table
    .timestamp('updated_at', { useTz: true })
    .notNullable()
    .defaultTo(knex.fn.now());
  table.index(['entity_ref', 'created_at'], 'tenant_rollouts_entity_idx');
  table.index(['state'], 'tenant_rollouts_state_idx');
}

/**
 * Each tenant's status in a rollout.
 *
 * @param {import('knex').Knex} knex
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function tenantsTable(knex, table) {
  table.comment('Per-tenant deployment status of a rollout');
  table
    .integer('rollout_id')
    .unsigned()
    .notNullable()
    .references('id')
    .inTable('tenant_rollouts')
    .onDelete('CASCADE');
  table.string('tenant_ref', 255).notNullable();
  table.integer('wave_index').notNullable();
  table
    .string('status', 16)
    .notNullable()
    .comment('pending | deploying | healthy | degraded | failed | rolled-back');
  table.text('detail').nullable().comment('What the reporter said');
  table
    .timestamp('updated_at', { useTz: true })
    .notNullable()
    .defaultTo(knex.fn.now());
  table.primary(['rollout_id', 'tenant_ref']);
  table.index(['rollout_id', 'wave_index'], 'tenant_rollouts_tenants_wave_idx');
}

/**
 * The trail of state changes.
 *
 * @param {import('knex').Knex} knex
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function eventsTable(knex, table) {
  table.comment('Every state change of a rollout, with who and why');
  table.increments('id').primary();
  table
    .integer('rollout_id')
    .unsigned()
    .notNullable()
    .references('id')
    .inTable('tenant_rollouts')
    .onDelete('CASCADE');
  table.string('action', 32).notNullable();
  table.string('from_state', 16).notNullable();
  table.string('to_state', 16).notNullable();
  table
    .integer('wave_index')
    .notNullable()
    .comment('Current wave after the action');
  table.string('actor', 255).notNullable();
  table.text('reason').nullable();
  table.boolean('override').notNullable().defaultTo(false);
  table
    .timestamp('occurred_at', { useTz: true })
    .notNullable()
    .defaultTo(knex.fn.now());
  table.index(['rollout_id', 'id'], 'tenant_rollouts_events_rollout_idx');
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tenant_rollouts', table =>
    rolloutsTable(knex, table),
  );
  await knex.schema.createTable('tenant_rollouts_tenants', table =>
    tenantsTable(knex, table),
  );
  await knex.schema.createTable('tenant_rollouts_events', table =>
    eventsTable(knex, table),
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tenant_rollouts_events');
  await knex.schema.dropTable('tenant_rollouts_tenants');
  await knex.schema.dropTable('tenant_rollouts');
};
