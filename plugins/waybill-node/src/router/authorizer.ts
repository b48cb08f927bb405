import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/** Checks a request's caller against basic permissions and answers its credentials. */
export type Authorizer = (
  request: Parameters<HttpAuthService['credentials']>[0],
  ...required: BasicPermission[]
) => Promise<BackstageCredentials>;

/**
 * The permission check every Waybill route starts with: the caller must be a user or a service
 * principal (401 otherwise) holding every permission named (403 naming the first missing one).
 * Nothing about the request is read before it passes.
 */
export function createAuthorizer(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Authorizer {
  return async (request, ...required) => {
    const credentials = await options.httpAuth.credentials(request, {
      allow: ['user', 'service'],
    });
    await assertPermitted(options.permissions, credentials, ...required);
    return credentials;
  };
}

/**
 * Checks that credentials hold every permission named: 403 naming the first missing one. For a
 * caller established otherwise than by the request's bearer token (e.g. a token in a webhook's
 * body); routes use `createAuthorizer`.
 */
export async function assertPermitted(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  ...required: BasicPermission[]
): Promise<void> {
  if (required.length === 0) return;
  const decisions = await permissions.authorize(
    required.map(permission => ({ permission })),
    { credentials },
  );
  decisions.forEach((decision, i) => {
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${required[i].name}`);
    }
  });
}

/**
 * Who the catalog is read as for a caller: a user as themselves, so the catalog's own read
 * permissions apply; a service principal as the plugin itself, since an external token cannot
 * be passed on to the catalog (its access restrictions are not delegated). What a service may
 * then act on is still held to its own rules (see `assertMayActFor`).
 */
export async function catalogCredentialsFor(
  auth: AuthService,
  credentials: BackstageCredentials,
): Promise<BackstageCredentials> {
  return auth.isPrincipal(credentials, 'user')
    ? credentials
    : auth.getOwnServiceCredentials();
}
