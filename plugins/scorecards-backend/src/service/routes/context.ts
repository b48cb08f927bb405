import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Authorizer, CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { createOpenApiRouter } from '../../schema/openapi.generated';
import { GateAttestations } from '../attestation/GateAttestations';
import { DeploymentEnforcement } from '../enforcement/DeploymentEnforcement';
import { ReleaseScorecards } from '../ReleaseScorecards';
import { Waivers } from '../waivers/Waivers';

/** The router the spec validates requests for, typed per operation. */
export type ApiRouter = ReturnType<typeof createOpenApiRouter>;

/**
 * What every group of routes is built from. The permission an operation names in the spec
 * (`x-permission`) has been checked before its handler runs; handlers ask only who calls.
 */
export interface RouteContext {
  scorecards: ReleaseScorecards;
  attestations: GateAttestations;
  enforcement: DeploymentEnforcement;
  /** The caller's credentials (401 without a user or service principal), checking the permissions named. */
  authorize: Authorizer;
  auditor: AuditorService;
  auth: AuthService;
  scheduler: SchedulerService;
  /** Which catalog entities a caller's reads show. */
  readAccess(credentials: BackstageCredentials): Promise<CatalogReadAccess>;
  /** Which catalog entities a read request may show. */
  readerAccess(request: Parameters<Authorizer>[0]): Promise<CatalogReadAccess>;
  /** Whether a caller holds a permission (no error when not). */
  holds(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean>;
  waivers: Waivers;
}

/** The plugin's services and settings the routes are built from. */
export interface RouteServices {
  scorecards: ReleaseScorecards;
  waivers: Waivers;
  attestations: GateAttestations;
  enforcement: DeploymentEnforcement;
  permissions: PermissionsService;
  catalog: CatalogService;
  auditor: AuditorService;
  auth: AuthService;
  scheduler: SchedulerService;
  /** Largest evidence file or delivery events document accepted. */
  maxUploadBytes: number;
}

/** Builds the context of the routes from the plugin's services. */
export function createRouteContext(
  options: RouteServices & { authorize: Authorizer },
): RouteContext {
  const { scorecards, attestations, enforcement, waivers } = options;
  const { authorize, auditor, auth, scheduler } = options;
  const { permissions, catalog } = options;
  const readAccess = (credentials: BackstageCredentials) =>
    CatalogReadAccess.forCredentials(credentials, { permissions, catalog });
  return {
    scorecards,
    attestations,
    enforcement,
    authorize,
    auditor,
    auth,
    scheduler,
    readAccess,
    readerAccess: async request => readAccess(await authorize(request)),
    holds: async (credentials, permission) => {
      const [decision] = await permissions.authorize([{ permission }], {
        credentials,
      });
      return decision.result === AuthorizeResult.ALLOW;
    },
    waivers,
  };
}
