import {
  createApiFactory,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  DependencyMapApi,
  DependencyMapClient,
} from '@waybill/plugin-dependency-map-common';

/** The dependency-map backend, as the portal's components reach it. */
export const dependencyMapApiRef = createApiRef<DependencyMapApi>({
  id: 'plugin.dependency-map.service',
});

/** The default implementation: the typed client, through the portal's discovery and authenticated fetch. */
export const dependencyMapApiFactory = createApiFactory({
  api: dependencyMapApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new DependencyMapClient({ discoveryApi, fetchApi }),
});
