import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod/v3';
import { CI_PROVIDERS, CiProvider, repositoryProject } from '../pipeline/model';
import { parseActionInput, repoUrlInput } from './actionInput';
import { examples } from './checkRepository.examples';
import { createWaybillAction } from './waybillAction';

/** The id of the repository check action. */
export const CHECK_REPOSITORY_ACTION_ID = 'waybill:repository:check';

/** The SCM integration each CI provider's repositories are published through. */
const INTEGRATION_OF: Record<CiProvider, 'github' | 'gitlab'> = {
  'github-actions': 'github',
  'gitlab-ci': 'gitlab',
};

const inputSchema = zod
  .object({
    repoUrl: repoUrlInput(
      'Where the repository goes, as the RepoUrlPicker writes it: github.com?owner=meridian&repo=pricing-api',
    ),
    ciProvider: zod.enum(CI_PROVIDERS),
  })
  .strict();

/**
 * What stands in the way of publishing a new service's repository: a repoUrl naming no plain
 * owner/name, no integration for the host, one of the other provider's kind, or one without
 * credentials. Empty when nothing does.
 */
export function repositoryProblems(
  config: Config,
  repoUrl: string,
  ciProvider: CiProvider,
): { problems: string[]; host?: string; project?: string } {
  const integrations = ScmIntegrations.fromConfig(config);
  const kind = INTEGRATION_OF[ciProvider];
  let parsed: ReturnType<typeof parseRepoUrl>;
  try {
    parsed = parseRepoUrl(repoUrl, integrations);
  } catch (error) {
    const host = /^([^?/]+)\?/.exec(repoUrl)?.[1];
    return {
      problems: [
        host && !integrations.byHost(host)
          ? `No SCM integration is configured for ${host}: add integrations.${kind} with host: ${host} and credentials to app-config.yaml`
          : `repoUrl ${repoUrl} is not a repository location: ${
              (error as Error).message
            }`,
      ],
    };
  }
  const integration = integrations.byHost(parsed.host)!;
  const project = [parsed.owner, parsed.repo].filter(Boolean).join('/');
  // The project goes into the catalog annotation pipelines are trusted by: refused here, naming
  // the form's field, rather than at the annotation step.
  const checked = repositoryProject.safeParse(project);
  if (!checked.success) {
    return {
      host: parsed.host,
      problems: [
        `repoUrl ${JSON.stringify(
          repoUrl,
        )} names the repository ${JSON.stringify(project)}, which ${
          checked.error.issues[0].message
        }: letters, digits, '.', '_' and '-' only`,
      ],
    };
  }
  if (integration.type !== kind) {
    return {
      host: parsed.host,
      project,
      problems: [
        `${parsed.host} is a ${integration.type} host, and the pipeline is for ${ciProvider}: pick a ${kind} host or the other CI provider`,
      ],
    };
  }
  const settings = config
    .getOptionalConfigArray(`integrations.${kind}`)
    ?.find(c => (c.getOptionalString('host') ?? `${kind}.com`) === parsed.host);
  const hasCredentials =
    Boolean(settings?.getOptionalString('token')) ||
    (kind === 'github' &&
      (settings?.getOptionalConfigArray('apps')?.length ?? 0) > 0);
  return {
    host: parsed.host,
    project,
    problems: hasCredentials
      ? []
      : [
          `The ${kind} integration for ${
            parsed.host
          } has no credentials to create the repository with: set integrations.${kind}[host ${
            parsed.host
          }].token${
            kind === 'github' ? ' or .apps (a GitHub App)' : ''
          } in app-config.yaml`,
        ],
  };
}

/**
 * Checks, before anything is rendered, that the scaffolder can publish the repository: an SCM
 * integration of the CI provider's kind is configured for the chosen host, with credentials.
 * A dry run only reports what a real run would refuse. Outputs the repository's project path,
 * which the catalog annotation names.
 */
export function createCheckRepositoryAction(options: { config: Config }) {
  return createWaybillAction({
    id: CHECK_REPOSITORY_ACTION_ID,
    description:
      'Checks that the new repository can be published: an SCM integration of the CI provider for its host, with credentials. Outputs its project path (owner/name or group/project).',
    examples,
    input: inputSchema,
    output: z => ({
      host: z.string().describe('The repository host'),
      project: z
        .string()
        .describe('owner/name on GitHub, group/project on GitLab'),
    }),
    async handler(ctx) {
      const { repoUrl, ciProvider } = parseActionInput(inputSchema, ctx.input);
      const { problems, host, project } = repositoryProblems(
        options.config,
        repoUrl,
        ciProvider,
      );
      if (problems.length > 0) {
        if (!ctx.isDryRun || !project)
          throw new InputError(problems.join('; '));
        ctx.logger.warn(`A real run would stop here: ${problems.join('; ')}`);
      }
      ctx.output('host', host!);
      ctx.output('project', project!);
    },
  });
}
