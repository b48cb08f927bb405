import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type { PluginClientOptions } from '@waybill/http-client';

/**
 * What a Waybill typed client (ScorecardsClient, DependencyMapClient, TenantRolloutsClient) needs
 * to call another plugin from a backend: discovery, and a fetch that carries a plugin-to-plugin
 * token for the target plugin, issued for this plugin's own service credentials.
 */
export function pluginClientOptions(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  /** The fetch to send through; global fetch by default. */
  fetch?: typeof fetch;
}): PluginClientOptions {
  const { discovery, auth } = options;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const pluginIdOf = new Map<string, string>();
  return {
    discoveryApi: {
      async getBaseUrl(pluginId) {
        const baseUrl = await discovery.getBaseUrl(pluginId);
        pluginIdOf.set(baseUrl, pluginId);
        return baseUrl;
      },
    },
    fetchApi: {
      async fetch(input, init) {
        const url = String(input instanceof Request ? input.url : input);
        const base = [...pluginIdOf.keys()].find(b => url.startsWith(b));
        if (!base) {
          throw new Error(`No plugin is known to serve ${url}`);
        }
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: pluginIdOf.get(base)!,
        });
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return send(input, { ...init, headers });
      },
    },
  };
}
