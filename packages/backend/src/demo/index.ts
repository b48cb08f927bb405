import fs from 'fs';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { parse } from 'yaml';
import { parseDemoReleases } from './demoReleases';
import { seedDemoEvidence } from './seedDemoEvidence';

/**
 * Local demo data: with `waybill.demo.seedEvidence` set to the path of a release manifest
 * (app-config.yaml points at examples/evidence/releases.yaml), uploads the demo releases'
 * evidence once the backend has started. Not for production.
 */
export default createBackendPlugin({
  pluginId: 'waybill-demo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        lifecycle: coreServices.rootLifecycle,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ config, lifecycle, auth, discovery, logger, catalog }) {
        const manifest = config.getOptionalString('waybill.demo.seedEvidence');
        if (!manifest) return;
        const releases = parseDemoReleases(
          parse(fs.readFileSync(manifest, 'utf8')),
        );
        lifecycle.addStartupHook(() => {
          // In the background: the catalog ingests the demo entities after startup.
          seedDemoEvidence({
            releases,
            auth,
            discovery,
            catalog,
            logger,
          }).catch(error =>
            logger.error(`Seeding demo evidence failed: ${error}`),
          );
        });
      },
    });
  },
});
