import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateCatalogAction } from './actions/annotateCatalog';
import { createCheckRepositoryAction } from './actions/checkRepository';
import { createGeneratePipelineAction } from './actions/generatePipeline';
import { createGithubDeploymentGateAction } from './actions/githubDeploymentGate';
import { createGitlabDeploymentGateAction } from './actions/gitlabDeploymentGate';
import { createRegisterServiceAction } from './actions/registerService';
import { createValidatePipelineAction } from './actions/validatePipeline';

/**
 * Adds the golden-pipeline actions to the scaffolder. The catalog is asked for the business
 * processes a service names (as the person running the template) and takes the registration of
 * a published service (as the scaffolder).
 */
export const scaffolderModuleGoldenPipelines = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-pipelines',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, catalog, auth }) {
        scaffolder.addActions(
          createGeneratePipelineAction(),
          createValidatePipelineAction(),
          createAnnotateCatalogAction({ catalog }),
          createCheckRepositoryAction({ config }),
          createRegisterServiceAction({ config, catalog, auth }),
          createGithubDeploymentGateAction({ config }),
          createGitlabDeploymentGateAction({ config }),
        );
      },
    });
  },
});
