import {
  createApiFactory,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  TenantRolloutsApi,
  TenantRolloutsClient,
} from '@waybill/plugin-tenant-rollouts-common';

/** The tenant-rollouts backend, as the portal's components reach it. */
export const tenantRolloutsApiRef = createApiRef<TenantRolloutsApi>({
  id: 'plugin.tenant-rollouts.service',
});

/** The default implementation: the typed client, through the portal's discovery and authenticated fetch. */
export const tenantRolloutsApiFactory = createApiFactory({
  api: tenantRolloutsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new TenantRolloutsClient({ discoveryApi, fetchApi }),
});
