/*
 * Release scorecards: releases, the evidence uploaded for them, their stored evaluations and
 * gate decisions, gate overrides, and delivery events for DORA.
 */

/** @param {import('knex').Knex} knex */
function createReleases(knex) {
  return knex.schema.createTable('scorecards_releases', table => {
    table.comment('A release: one version of one catalog entity');
    table.increments('id').primary();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full entity ref, lower case, e.g. component:default/inventory');
    table
      .string('version', 255)
      .notNullable()
      .comment('Release version as the pipeline names it');
    table
      .string('commit', 255)
      .nullable()
      .comment('Commit the release was built from');
    table
      .text('pipeline_url')
      .nullable()
      .comment('URL of the pipeline run that built it');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now())
      .comment('When Waybill first heard of the release');
    table.unique(['entity_ref', 'version']);
    table.index(
      ['entity_ref', 'created_at'],
      'scorecards_releases_history_idx',
    );
  });
}

/** @param {import('knex').Knex} knex */
function createEntities(knex) {
  return knex.schema.createTable('scorecards_entities', table => {
    table.comment(
      'Catalog facts of each entity with releases, kept for portfolio filters; refreshed on upload and on a schedule',
    );
    table.string('entity_ref', 255).primary();
    table
      .string('title', 255)
      .notNullable()
      .comment('metadata.title, else metadata.name');
    table
      .string('owner', 255)
      .nullable()
      .comment('spec.owner as a full entity ref');
    table
      .string('system', 255)
      .nullable()
      .comment('spec.system as a full entity ref');
    table.string('tier', 16).notNullable().comment('waybill.dev/tier');
    table
      .string('business_processes', 1024)
      .notNullable()
      .comment(
        'waybill.dev/business-processes as ",a,b," so one LIKE finds a member',
      );
    table
      .integer('latest_release_id')
      .unsigned()
      .nullable()
      .references('id')
      .inTable('scorecards_releases')
      .onDelete('SET NULL');
    table.index(['owner'], 'scorecards_entities_owner_idx');
    table.index(['system'], 'scorecards_entities_system_idx');
    table.index(['tier'], 'scorecards_entities_tier_idx');
  });
}

/** @param {import('knex').Knex} knex */
function createEvidence(knex) {
  return knex.schema.createTable('scorecards_evidence', table => {
    table.comment('Normalized facts of each file uploaded for a release');
    table.increments('id').primary();
    table
      .integer('release_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('scorecards_releases')
      .onDelete('CASCADE');
    table
      .string('kind', 32)
      .notNullable()
      .comment('tests | coverage | security | dependencies | readiness');
    table
      .string('format', 32)
      .notNullable()
      .comment(
        'junit | cobertura | lcov | sarif | cyclonedx | waybill-readiness',
      );
    table
      .string('digest', 64)
      .notNullable()
      .comment('SHA-256 of the uploaded file, hex');
    table
      .integer('size_bytes')
      .notNullable()
      .comment('Size of the uploaded file');
    table.text('facts').notNullable().comment('EvidenceFacts as JSON');
    table
      .string('environment', 255)
      .nullable()
      .comment('Environment the evidence was produced for, if any');
    table
      .string('uploaded_by', 255)
      .notNullable()
      .comment('User entity ref or service subject');
    table
      .timestamp('uploaded_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.unique(['release_id', 'kind', 'digest'], {
      indexName: 'scorecards_evidence_idempotency_idx',
    });
    table.index(
      ['release_id', 'kind', 'uploaded_at'],
      'scorecards_evidence_current_idx',
    );
  });
}

/** @param {import('knex').Knex} knex */
function createEvaluations(knex) {
  return knex.schema.createTable('scorecards_evaluations', table => {
    table.comment(
      'The stored evaluation of each release; reads never re-evaluate',
    );
    table
      .integer('release_id')
      .unsigned()
      .primary()
      .references('id')
      .inTable('scorecards_releases')
      .onDelete('CASCADE');
    table
      .string('policy_digest', 64)
      .notNullable()
      .comment('SHA-256 of the policy it was evaluated with');
    table.integer('score').notNullable().comment('Weighted score 0-100');
    table.string('grade', 1).notNullable().comment('A-F');
    table.text('result').notNullable().comment('ScorecardEvaluation as JSON');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['policy_digest'], 'scorecards_evaluations_policy_idx');
  });
}

/** @param {import('knex').Knex} knex */
function createGates(knex) {
  return knex.schema.createTable('scorecards_gates', table => {
    table.comment(
      'Gate decision per release and environment, kept beside the evaluation for filtering',
    );
    table
      .integer('release_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('scorecards_releases')
      .onDelete('CASCADE');
    table.string('environment', 255).notNullable();
    table
      .string('decision', 8)
      .notNullable()
      .comment('pass | warn | fail, before overrides');
    table.primary(['release_id', 'environment']);
  });
}

/** @param {import('knex').Knex} knex */
function createOverrides(knex) {
  return knex.schema.createTable('scorecards_overrides', table => {
    table.comment(
      'Gate overrides: who let a failing release through, why, and until when',
    );
    table.increments('id').primary();
    table
      .integer('release_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('scorecards_releases')
      .onDelete('CASCADE');
    table.string('environment', 255).notNullable();
    table.text('reason').notNullable();
    table
      .string('actor', 255)
      .notNullable()
      .comment('User entity ref of who overrode');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(
      ['release_id', 'environment', 'expires_at'],
      'scorecards_overrides_active_idx',
    );
  });
}

/** @param {import('knex').Knex} knex */
function createDeliveryEvents(knex) {
  return knex.schema.createTable('scorecards_delivery_events', table => {
    table.comment(
      'Deployments, rollbacks, incidents and merged changes, for DORA figures',
    );
    table.increments('id').primary();
    table
      .string('source', 255)
      .notNullable()
      .comment('Where the event came from (CDEvents context.source)');
    table
      .string('event_id', 255)
      .notNullable()
      .comment('Id of the event at its source');
    table.string('entity_ref', 255).notNullable();
    table.string('type', 32).notNullable();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table.text('event').notNullable().comment('DeliveryEvent as JSON');
    table.unique(['source', 'event_id'], {
      indexName: 'scorecards_delivery_events_idempotency_idx',
    });
    table.index(
      ['entity_ref', 'occurred_at'],
      'scorecards_delivery_events_entity_idx',
    );
  });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await createReleases(knex);
  await createEntities(knex);
  await createEvidence(knex);
  await createEvaluations(knex);
  await createGates(knex);
  await createOverrides(knex);
  await createDeliveryEvents(knex);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecards_delivery_events');
  await knex.schema.dropTable('scorecards_overrides');
  await knex.schema.dropTable('scorecards_gates');
  await knex.schema.dropTable('scorecards_evaluations');
  await knex.schema.dropTable('scorecards_evidence');
  await knex.schema.dropTable('scorecards_entities');
  await knex.schema.dropTable('scorecards_releases');
};
