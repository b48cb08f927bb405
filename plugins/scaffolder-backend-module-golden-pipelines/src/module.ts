import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateCatalogAction } from './actions/annotateCatalog';
import { createGeneratePipelineAction } from './actions/generatePipeline';
import { createValidatePipelineAction } from './actions/validatePipeline';

/** Adds the golden-pipeline actions to the scaffolder. */
export const scaffolderModuleGoldenPipelines = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-pipelines',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createGeneratePipelineAction(),
          createValidatePipelineAction(),
          createAnnotateCatalogAction(),
        );
      },
    });
  },
});
