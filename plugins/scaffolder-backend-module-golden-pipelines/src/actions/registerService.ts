import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  getGitLabIntegrationRelativePath,
  ScmIntegrations,
} from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod/v3';
import { parseActionInput, repoUrlInput } from './actionInput';
import { examples } from './registerService.examples';
import { createWaybillAction } from './waybillAction';

/** The id of the action that registers a newly published service in the catalog. */
export const REGISTER_SERVICE_ACTION_ID = 'waybill:catalog:register';

const inputSchema = zod
  .object({
    repoUrl: repoUrlInput(
      'The repository the task published, as the RepoUrlPicker wrote it: github.com?owner=meridian&repo=pricing-api',
    ),
    repoContentsUrl: zod
      .string()
      .url()
      .max(500)
      .describe(
        "The publish step's repoContentsUrl: where the pushed files are browsed",
      ),
    catalogInfoPath: zod
      .string()
      .regex(
        /^\/(?!.*(?:^|\/)\.\.(?:\/|$))[\w./-]+\.ya?ml$/,
        'a file path in the repository, such as /catalog-info.yaml',
      )
      .default('/catalog-info.yaml'),
  })
  .strict();

/**
 * The catalog file URL of the repository the task published, or why it is not one: the
 * contents URL must be on the repository's host and under its own path, so a template cannot
 * point the registration at another repository.
 */
export function catalogInfoUrlOf(
  integrations: ScmIntegrations,
  input: { repoUrl: string; repoContentsUrl: string; catalogInfoPath: string },
): string {
  const repository = parseRepoUrl(input.repoUrl, integrations);
  const project = [repository.owner, repository.repo].filter(Boolean).join('/');
  const contents = new URL(input.repoContentsUrl);
  const integration = integrations.byUrl(input.repoContentsUrl);
  if (!integration || contents.host !== repository.host) {
    throw new InputError(
      `repoContentsUrl ${input.repoContentsUrl} is not on ${repository.host}, where the repository was published`,
    );
  }
  // A GitLab instance served under a path (baseUrl https://example.com/gitlab) has its
  // projects' pages under that path too.
  const gitlab = integrations.gitlab.byUrl(input.repoContentsUrl);
  const root = gitlab ? getGitLabIntegrationRelativePath(gitlab.config) : '';
  if (!`${contents.pathname}/`.startsWith(`${root}/${project}/`)) {
    throw new InputError(
      `repoContentsUrl ${input.repoContentsUrl} is not in the published repository ${project}`,
    );
  }
  return integration.resolveUrl({
    base: input.repoContentsUrl,
    url: input.catalogInfoPath,
  });
}

/** The entity the location stands for: its Component, else its first named entity. */
function mainEntity(entities: Entity[]): Entity | undefined {
  const named = entities.filter(e => !e.metadata.name.startsWith('generated-'));
  return named.find(e => e.kind === 'Component') ?? named[0] ?? entities[0];
}

/**
 * Registers the catalog file of the repository this task has just published. Developers do not
 * hold `catalog.location.create` (platform teams curate the catalog), so the scaffolder
 * registers with its own service credentials, and only a file of the repository named by the
 * task's own `repoUrl`, which the publish step before it created (it refuses an existing one).
 * Like `catalog:register`, it does not run in a dry run (the publish step's outputs are
 * simulated there).
 */
export function createRegisterServiceAction(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
}) {
  const integrations = ScmIntegrations.fromConfig(options.config);
  return createWaybillAction({
    id: REGISTER_SERVICE_ACTION_ID,
    description:
      "Registers the published repository's catalog file in the catalog with the scaffolder's own credentials; refuses a file outside that repository. Outputs the new entity's ref.",
    examples,
    supportsDryRun: false,
    input: inputSchema,
    output: z => ({
      entityRef: z.string().describe('The registered entity'),
      catalogInfoUrl: z.string().describe('The registered location'),
    }),
    async handler(ctx) {
      const input = parseActionInput(inputSchema, ctx.input);
      const catalogInfoUrl = catalogInfoUrlOf(integrations, input);
      const credentials = await options.auth.getOwnServiceCredentials();
      ctx.logger.info(
        `Registering ${catalogInfoUrl} for ${ctx.user?.ref ?? 'the task'}`,
      );
      await options.catalog.addLocation(
        { type: 'url', target: catalogInfoUrl },
        { credentials },
      );
      const { entities } = await options.catalog.addLocation(
        { type: 'url', target: catalogInfoUrl, dryRun: true },
        { credentials },
      );
      const entity = mainEntity(entities);
      if (!entity) {
        throw new InputError(`${catalogInfoUrl} describes no entity`);
      }
      ctx.output('entityRef', stringifyEntityRef(entity));
      ctx.output('catalogInfoUrl', catalogInfoUrl);
    },
  });
}
