import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { CatalogReadAccess } from './catalogReadAccess';
import { assertPermitted } from './router/authorizer';

/** The zod (v3 API) the actions registry hands each action's schema functions. */
export type ActionZod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** The attributes of an action that only reads, idempotently: assistants may call it without asking. */
export const READ_ONLY_ACTION = {
  readOnly: true,
  destructive: false,
  idempotent: true,
} as const;

/**
 * What the caller of a read action may see, checked as the plugin's read routes check it: the
 * caller needs `permission` (a NotAllowedError naming it otherwise), and sees only the entities
 * the catalog lets them read.
 */
export async function actionReaderAccess(
  services: { permissions: PermissionsService; catalog: CatalogService },
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<CatalogReadAccess> {
  await assertPermitted(services.permissions, credentials, permission);
  return CatalogReadAccess.forCredentials(credentials, services);
}
