import fs from 'fs';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { parse } from 'yaml';
import { parseDemoReleases } from './demoReleases';
import { seedDemoEvidence } from './seedDemoEvidence';
import { seedDemoRollouts } from './seedDemoRollouts';

/**
 * Local demo data: with `waybill.demo.seedEvidence` set to the path of a release manifest
 * (app-config.yaml points at examples/evidence/releases.yaml), uploads the demo releases'
 * evidence once the backend has started; then, with `waybill.demo.seedRollouts: true`, plans
 * and starts the demo tenant rollouts of those releases (their gates read that evidence). Both
 * run in the background. Not for production.
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
        const seedRollouts =
          config.getOptionalBoolean('waybill.demo.seedRollouts') ?? false;
        if (!manifest) {
          if (seedRollouts) {
            logger.warn(
              'waybill.demo.seedRollouts needs waybill.demo.seedEvidence (the rollouts are of the demo releases, and their gates read the demo evidence); demo rollouts not seeded',
            );
          }
          return;
        }
        const releases = parseDemoReleases(
          parse(fs.readFileSync(manifest, 'utf8')),
        );
        const services = { releases, auth, discovery, catalog, logger };
        const seed = async () => {
          try {
            await seedDemoEvidence(services);
          } catch (error) {
            logger.error(
              `Seeding demo evidence failed: ${error}${
                seedRollouts ? '; demo rollouts not seeded' : ''
              }`,
            );
            return;
          }
          if (!seedRollouts) return;
          try {
            await seedDemoRollouts(services);
          } catch (error) {
            logger.error(`Seeding demo rollouts failed: ${error}`);
          }
        };
        // In the background: the catalog ingests the demo entities after startup, and the
        // rollouts' gates need the evidence.
        lifecycle.addStartupHook(() => {
          seed();
        });
      },
    });
  },
});
