import {
  BackendFeature,
  coreServices,
  createBackendPlugin,
  HttpRouterService,
  ServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { Permission } from '@backstage/plugin-permission-common';

/** The services every Waybill backend plugin's init takes. */
const waybillPluginDeps = {
  config: coreServices.rootConfig,
  httpRouter: coreServices.httpRouter,
  httpAuth: coreServices.httpAuth,
  permissions: coreServices.permissions,
  permissionsRegistry: coreServices.permissionsRegistry,
  auth: coreServices.auth,
  scheduler: coreServices.scheduler,
  logger: coreServices.logger,
  catalog: catalogServiceRef,
};

type ServiceRefs = { [name in string]: ServiceRef<unknown> };

/** The services a plugin's init is handed for `deps`. */
type ServiceInstances<TDeps extends ServiceRefs> = {
  [name in keyof TDeps]: TDeps[name] extends ServiceRef<infer T, any, any>
    ? T
    : never;
};

type WaybillServices = ServiceInstances<typeof waybillPluginDeps>;

/**
 * A Waybill backend plugin: it registers `permissions`, hands `init` the services every Waybill
 * plugin takes (config, HTTP router and auth, permissions, service auth, scheduler, logger,
 * catalog) and its own `deps`, and serves the router `init` returns.
 */
export function createWaybillBackendPlugin<TDeps extends ServiceRefs>(options: {
  pluginId: string;
  permissions: Permission[];
  deps: TDeps;
  init(
    deps: WaybillServices & ServiceInstances<TDeps>,
  ): Promise<Parameters<HttpRouterService['use']>[0]>;
}): BackendFeature {
  return createBackendPlugin({
    pluginId: options.pluginId,
    register(env) {
      env.registerInit({
        deps: { ...waybillPluginDeps, ...options.deps },
        async init(deps) {
          // The instances of the deps above, which the generic type leaves unresolved.
          const services = deps as WaybillServices & ServiceInstances<TDeps>;
          services.permissionsRegistry.addPermissions(options.permissions);
          services.httpRouter.use(await options.init(services));
        },
      });
    },
  });
}
