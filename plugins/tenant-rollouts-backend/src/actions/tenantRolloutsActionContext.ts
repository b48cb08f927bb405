import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { tenantRolloutsReadPermission } from '@waybill/plugin-tenant-rollouts-common';
import {
  actionReaderAccess,
  ActionZod,
  CatalogReadAccess,
  READ_ONLY_ACTION,
} from '@waybill/plugin-waybill-node';
import { TenantRolloutsConfig } from '../service/config';
import { TenantRollouts } from '../service/TenantRollouts';

/** The zod (v3 API) the actions registry hands each action's schema functions. */
export type Zod = ActionZod;

/** Every tenant-rollouts action reads, idempotently: assistants may call them without asking. */
export const READ_ONLY = READ_ONLY_ACTION;

/** What the tenant-rollouts actions are built from: the services the HTTP routes use. */
export interface TenantRolloutsActionServices {
  actionsRegistry: ActionsRegistryService;
  rollouts: TenantRollouts;
  /** The plugin's configuration, for its freeze windows. */
  config: TenantRolloutsConfig;
  permissions: PermissionsService;
  catalog: CatalogService;
  auth: AuthService;
}

/**
 * What the caller of a read may see, checked as the read routes check it: the caller needs
 * `tenant-rollouts.read` (a NotAllowedError naming it otherwise), and sees only the entities
 * the catalog lets them read (a rollout of any other entity is not there: NotFoundError).
 */
export function rolloutReaderAccess(
  services: Pick<TenantRolloutsActionServices, 'permissions' | 'catalog'>,
  credentials: BackstageCredentials,
): Promise<CatalogReadAccess> {
  return actionReaderAccess(
    services,
    credentials,
    tenantRolloutsReadPermission,
  );
}
