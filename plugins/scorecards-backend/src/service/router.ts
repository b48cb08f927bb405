import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  bodyParserErrorHandler,
  createAuthorizer,
  databaseUnavailableHandler,
} from '@waybill/plugin-waybill-node';
import { createRouteContext, RouteServices } from './routes/context';
import { registerDeliveryRoutes } from './routes/deliveryRoutes';
import { registerEvidenceRoutes } from './routes/evidenceRoutes';
import { registerPolicyRoutes } from './routes/policyRoutes';
import { registerPortfolioRoutes } from './routes/portfolioRoutes';
import {
  registerGateRoutes,
  registerReleaseRoutes,
} from './routes/releaseRoutes';

/**
 * The HTTP API of the scorecards plugin; every route needs a user or a service principal. Reads
 * show a user only the entities the catalog lets them read (see CatalogReadAccess).
 */
export async function createRouter(
  options: RouteServices & {
    logger: LoggerService;
    httpAuth: HttpAuthService;
  },
): Promise<express.Router> {
  const { httpAuth, logger, ...rest } = options;
  const context = createRouteContext({
    ...rest,
    authorize: createAuthorizer({ httpAuth, permissions: options.permissions }),
  });
  const router = Router();
  // Routes grouped per resource, registered on this router itself (not mounted) so that each
  // is one of its routes.
  registerEvidenceRoutes(router, context);
  registerDeliveryRoutes(router, context);
  registerReleaseRoutes(router, context);
  registerGateRoutes(router, context);
  registerPortfolioRoutes(router, context);
  registerPolicyRoutes(router, context);

  // A lost database connection answers 503, not a 500 carrying the SQL.
  router.use(databaseUnavailableHandler(logger));
  router.use(
    bodyParserErrorHandler('evidence and events: scorecards.maxUploadBytes'),
  );
  return router;
}
