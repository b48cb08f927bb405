import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { scorecardsPermissions } from '@waybill/plugin-scorecards-common';
import {
  authorizeBySpec,
  bodyParserErrorHandler,
  createAuthorizer,
  databaseUnavailableHandler,
} from '@waybill/plugin-waybill-node';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import { createRouteContext, RouteServices } from './routes/context';
import { registerDeliveryRoutes } from './routes/deliveryRoutes';
import {
  registerEnforcementRoutes,
  requireFlaggerToken,
} from './routes/enforcementRoutes';
import { registerEvidenceRoutes } from './routes/evidenceRoutes';
import { registerPolicyRoutes } from './routes/policyRoutes';
import { registerPortfolioRoutes } from './routes/portfolioRoutes';
import {
  registerGateRoutes,
  registerReleaseRoutes,
} from './routes/releaseRoutes';
import { requestBodies } from './routes/requestBodies';
import { registerWaiverRoutes } from './routes/waiverRoutes';

/** Where GitHub delivers the deployment protection rule's webhook (no Backstage token: signed). */
export const GITHUB_PROTECTION_RULE_PATH =
  '/enforcement/github/deployment-protection-rule';

/** Where Flagger's confirm-promotion webhook calls (no Backstage header: a token in its body). */
export const FLAGGER_CONFIRM_PROMOTION_PATH =
  '/enforcement/flagger/confirm-promotion';

/**
 * The HTTP API of the scorecards plugin, as its spec (`src/schema/openapi.yaml`) describes it;
 * every route needs a user or a service principal. Reads show a user only the entities the
 * catalog lets them read (see CatalogReadAccess).
 */
export async function createRouter(
  options: RouteServices & {
    logger: LoggerService;
    httpAuth: HttpAuthService;
    /**
     * GitHub's deployment protection rule webhook (see enforcement/github), when configured:
     * served at GITHUB_PROTECTION_RULE_PATH on the raw body its signature is over.
     */
    githubProtectionRule?: express.Router;
  },
): Promise<express.Router> {
  const { httpAuth, logger, githubProtectionRule, ...rest } = options;
  const authorize = createAuthorizer({
    httpAuth,
    permissions: options.permissions,
  });
  // Bodies are parsed, and each operation's permission checked, before the spec's validation
  // reads the request; their errors are answered by this router's handlers, below.
  const outer = Router();
  if (githubProtectionRule) {
    outer.use(GITHUB_PROTECTION_RULE_PATH, githubProtectionRule);
  }
  outer.use(requestBodies(options.maxUploadBytes));
  outer.use(FLAGGER_CONFIRM_PROMOTION_PATH, requireFlaggerToken);
  outer.use(
    authorizeBySpec(spec, { authorize, permissions: scorecardsPermissions }),
  );
  const router = createOpenApiRouter({
    // No body parser of its own: the outer router has parsed the body already.
    middleware: [(_req, _res, next) => next()],
    // Every problem of a request is named, not only the first.
    validatorOptions: {
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
    },
  });
  outer.use(router);
  // Routes grouped per resource, each registered on the validated router itself.
  const context = createRouteContext({ ...rest, authorize });
  registerEvidenceRoutes(router, context);
  registerDeliveryRoutes(router, context);
  registerReleaseRoutes(router, context);
  registerGateRoutes(router, context);
  registerPortfolioRoutes(router, context);
  registerPolicyRoutes(router, context);
  registerEnforcementRoutes(router, context);
  registerWaiverRoutes(router, context);

  // A lost database connection answers 503, not a 500 carrying the SQL.
  outer.use(databaseUnavailableHandler(logger));
  outer.use(
    bodyParserErrorHandler('evidence and events: scorecards.maxUploadBytes'),
  );
  return outer;
}
