import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { scorecardsReleaseReadPermission } from '@waybill/plugin-scorecards-common';
import { Authorizer, CatalogReadAccess } from '@waybill/plugin-waybill-node';
import type { Request } from 'express';
import { ReleaseScorecards } from '../ReleaseScorecards';

/** What every group of routes is built from. */
export interface RouteContext {
  scorecards: ReleaseScorecards;
  /** The permission check every route starts with (401 without a caller, 403 naming a missing permission). */
  authorize: Authorizer;
  auditor: AuditorService;
  auth: AuthService;
  scheduler: SchedulerService;
  /** Largest evidence file or delivery events document accepted. */
  maxUploadBytes: number;
  /** Which catalog entities a caller's reads show. */
  readAccess(credentials: BackstageCredentials): Promise<CatalogReadAccess>;
  /** Authorizes a read and says which entities it may show. */
  authorizeRead(request: Request): Promise<CatalogReadAccess>;
}

/** The plugin's services and settings the routes are built from. */
export interface RouteServices {
  scorecards: ReleaseScorecards;
  permissions: PermissionsService;
  catalog: CatalogService;
  auditor: AuditorService;
  auth: AuthService;
  scheduler: SchedulerService;
  maxUploadBytes: number;
}

/** Builds the context of the routes from the plugin's services. */
export function createRouteContext(
  options: RouteServices & { authorize: Authorizer },
): RouteContext {
  const { permissions, catalog, ...rest } = options;
  const readAccess = (credentials: BackstageCredentials) =>
    CatalogReadAccess.forCredentials(credentials, { permissions, catalog });
  return {
    ...rest,
    readAccess,
    authorizeRead: async request =>
      readAccess(
        await options.authorize(request, scorecardsReleaseReadPermission),
      ),
  };
}
