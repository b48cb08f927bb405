import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateCatalogAction } from './actions/annotateCatalog';
import { createCheckRepositoryAction } from './actions/checkRepository';
import { createGeneratePipelineAction } from './actions/generatePipeline';
import { createValidatePipelineAction } from './actions/validatePipeline';

/** Adds the golden-pipeline actions to the scaffolder. */
export const scaffolderModuleGoldenPipelines = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-pipelines',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createGeneratePipelineAction(),
          createValidatePipelineAction(),
          createAnnotateCatalogAction(),
          createCheckRepositoryAction({ config }),
        );
      },
    });
  },
});
