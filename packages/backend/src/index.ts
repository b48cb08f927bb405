/**
 * The Waybill portal backend: Backstage's core plugins plus the Waybill plugin set, on the new
 * backend system. Configuration comes from app-config.yaml (SQLite, guest sign-in, demo catalog)
 * and, in production, app-config.production.yaml.
 */
import { createBackend } from '@backstage/backend-defaults';
import { pipelineTokenHandlerServiceFactory } from '@waybill/plugin-waybill-node';

const backend = createBackend();

// backend.auth.externalAccess type waybill-pipeline: CI jobs' OIDC ID tokens, named after the
// repository they were issued to (app-config.production.yaml).
backend.add(pipelineTokenHandlerServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));
// The event bus: catalog and signals events reach every backend replica.
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Guest sign-in for local use (app-config.yaml); GitHub in production.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
// publish:github, github:environment:create and publish:gitlab: the templates publish the new
// service's repository through the SCM integration configured for its host (integrations.*).
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
// Golden pipelines: waybill:repository:check, waybill:pipeline:generate / validate and
// waybill:catalog:annotate.
backend.add(
  import('@waybill/plugin-scaffolder-backend-module-golden-pipelines'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions'));

backend.add(import('@backstage/plugin-search-backend'));
// PostgreSQL full-text search when the database is PostgreSQL; on SQLite the
// search backend falls back to its in-memory Lunr engine.
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Releases with their gate state, and tenant rollouts, in search for those who may read the entity.
backend.add(import('@waybill/plugin-search-backend-module-waybill'));

// Server-side user settings (starred entities, preferences), pushed to browsers through signals.
// Waybill
backend.add(import('@waybill/plugin-scorecards-backend'));
// Tenant rollouts: releases to catalog tenants in waves, gated by scorecards, health and freezes.
backend.add(import('@waybill/plugin-tenant-rollouts-backend'));
// Dependency maps: the estate's graph from the catalog, deploy order, blast radius, release trains.
backend.add(import('@waybill/plugin-dependency-map-backend'));
// Actions for assistants: serves the actions of the plugins in backend.actions.pluginSources
// (scorecards, tenant-rollouts, dependency-map) as MCP tools at /api/mcp-actions/v1, each run as
// the user whose token the MCP client sends.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// Demo evidence for local use; does nothing unless waybill.demo.seedEvidence is set.
backend.add(import('./demo'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// Notifications: held rollouts, failing waves, changed gates, expiring waivers and overrides,
// release trains that cannot be ordered; in the portal, by e-mail or Slack through the
// notifications backend's modules (see the README).
backend.add(import('@backstage/plugin-notifications-backend'));

backend.start();
