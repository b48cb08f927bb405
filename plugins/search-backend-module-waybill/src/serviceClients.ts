import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { ScorecardsClientOptions } from '@waybill/plugin-scorecards-common';
import type { TenantRolloutsClientOptions } from '@waybill/plugin-tenant-rollouts-common';

/** What the collators call the Waybill backends with. */
export interface CollatorServices {
  auth: AuthService;
  discovery: DiscoveryService;
}

/**
 * What a Waybill typed client needs to call `targetPluginId` as the search plugin itself: the
 * plugin's base URL from discovery, and a fetch that sends a plugin-to-plugin token issued for
 * the search plugin's own service credentials. The collators index everything; the search
 * backend then shows each result only to those who may read its entity.
 */
export function serviceClientOptions(
  targetPluginId: string,
  { auth, discovery }: CollatorServices,
): ScorecardsClientOptions & TenantRolloutsClientOptions {
  return {
    discoveryApi: { getBaseUrl: pluginId => discovery.getBaseUrl(pluginId) },
    fetchApi: {
      async fetch(input, init) {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId,
        });
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  };
}
