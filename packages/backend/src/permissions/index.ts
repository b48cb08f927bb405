import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { RoleDirectory } from './roles';
import { WaybillPermissionPolicy } from './WaybillPermissionPolicy';

/** Installs Waybill's role- and ownership-based permission policy into the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'waybill-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        policy.setPolicy(
          new WaybillPermissionPolicy(
            RoleDirectory.fromConfig(config),
            userInfo,
          ),
        );
      },
    });
  },
});
