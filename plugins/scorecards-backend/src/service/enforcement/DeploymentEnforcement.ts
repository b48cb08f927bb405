import { AuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GateAnswer,
  scorecardsReleaseReadPermission,
} from '@waybill/plugin-scorecards-common';
import {
  entityTabLink,
  normalizeEntityRef,
  parseEntityRef,
} from '@waybill/plugin-waybill-common';
import {
  assertPermitted,
  CatalogReadAccess,
  PipelineProvider,
  PROJECT_SLUG_ANNOTATIONS,
} from '@waybill/plugin-waybill-node';
import { ScorecardStore } from '../../database/types';
import { ReleaseScorecards } from '../ReleaseScorecards';

/** What a deployment engine is told: whether to promote, and the gate's answer behind it. */
export interface EnforcementAnswer {
  promote: boolean;
  gate: GateAnswer;
}

/** A deployment a CI environment's protection asks about: a GitHub protection rule's, or a GitLab approval's. */
export interface ScmDeployment {
  /** Whose repository it is: its `<provider>.com/project-slug` annotation names the component. */
  provider: PipelineProvider;
  /** `owner/name` on GitHub, the project's full path on GitLab. */
  repository: string;
  /** The CI environment's name. */
  environment: string;
  sha: string;
  ref: string;
}

/**
 * The gate's answer to a deployment: its gate when the release was found (approve unless it
 * fails), or why Waybill holds it.
 */
export type ScmDeploymentDecision =
  | { approve: boolean; gate: GateAnswer; scorecardUrl: string }
  | { approve: false; held: string };

/** What a CI provider calls the commit being built, for the hint to upload evidence for it. */
const COMMIT_VARIABLE: Record<PipelineProvider, string> = {
  github: '$GITHUB_SHA',
  gitlab: '$CI_COMMIT_SHA',
};

const PROVIDER_NAME: Record<PipelineProvider, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
};

/** Flagger's webhook metadata, as the Canary names the release. */
export interface FlaggerRelease {
  entityRef: string;
  version: string;
  environment: string;
  /** A Backstage token (an external access token). */
  token: string;
}

/**
 * The gate, asked by the deployment engines that enforce it: Flagger (its confirm-promotion
 * webhook), GitHub (a custom deployment protection rule) and GitLab (a deployment approval rule
 * of Waybill's user). Each names the release its own way;
 * this finds the release and answers from the same stored decision as the gate route, overrides
 * included. A release it cannot find is not promoted.
 */
export class DeploymentEnforcement {
  constructor(
    private readonly deps: {
      scorecards: ReleaseScorecards;
      store: ScorecardStore;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      /** The portal's URL (`app.baseUrl`), for links to a release's scorecard. */
      appBaseUrl: string;
      /** Per CI provider, its environment names to Waybill environments; unnamed ones map to themselves. */
      environments: Record<PipelineProvider, Record<string, string>>;
    },
  ) {}

  /**
   * Flagger's confirm-promotion: the token in the webhook's metadata is checked as a bearer
   * token would be (401), must hold `scorecards.release.read` (403) and read the entity (404).
   */
  async flagger(release: FlaggerRelease): Promise<EnforcementAnswer> {
    const credentials = await this.deps.auth.authenticate(release.token);
    await assertPermitted(
      this.deps.permissions,
      credentials,
      scorecardsReleaseReadPermission,
    );
    const access = await CatalogReadAccess.forCredentials(credentials, {
      permissions: this.deps.permissions,
      catalog: this.deps.catalog,
    });
    const gate = await this.deps.scorecards.gate(
      {
        entityRef: normalizeEntityRef(release.entityRef),
        version: release.version,
      },
      release.environment,
      access,
    );
    return { promote: gate.decision !== 'fail', gate };
  }

  /**
   * A CI deployment's decision: the catalog component whose `<provider>.com/project-slug`
   * names the repository, its release scored for the deployed commit, and that release's gate
   * for the environment the CI environment maps to. Anything missing holds it, saying what.
   */
  async scmDeployment(
    deployment: ScmDeployment,
  ): Promise<ScmDeploymentDecision> {
    const { provider, repository } = deployment;
    const annotation = PROJECT_SLUG_ANNOTATIONS[provider];
    const hold = (why: string) => ({
      approve: false as const,
      held: `Waybill holds this deployment: ${why}`,
    });
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: 'component',
          [`metadata.annotations.${annotation}`]: repository,
        },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    if (items.length !== 1) {
      return hold(
        items.length === 0
          ? `no catalog component names ${repository} in its \`${annotation}\` annotation.`
          : `${
              items.length
            } catalog components name ${repository} in \`${annotation}\` (${items
              .map(e => stringifyEntityRef(e))
              .join(', ')}); one must.`,
      );
    }
    const entityRef = stringifyEntityRef(items[0]);
    const key = await this.deps.store.findReleaseByCommit(
      entityRef,
      deployment.sha,
    );
    if (!key) {
      return hold(
        `no release of ${entityRef} was scored for commit ${deployment.sha} (${deployment.ref}). Upload the pipeline's evidence with \`?commit=${COMMIT_VARIABLE[provider]}\` before the deployment job.`,
      );
    }
    const environment =
      this.deps.environments[provider][deployment.environment] ??
      deployment.environment;
    try {
      const gate = await this.deps.scorecards.gate(key, environment);
      return {
        approve: gate.decision !== 'fail',
        gate,
        scorecardUrl: this.scorecardUrl(entityRef, key.version),
      };
    } catch (error) {
      if (!isError(error) || error.name !== 'InputError') throw error;
      return hold(
        `${error.message}. Map the ${PROVIDER_NAME[provider]} environment ${deployment.environment} to one of them in scorecards.enforcement.${provider}.environments.`,
      );
    }
  }

  private scorecardUrl(entityRef: string, version: string): string {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `${this.deps.appBaseUrl.replace(/\/+$/, '')}${entityTabLink(
      `/catalog/${namespace}/${kind}/${name}`,
      'scorecards',
      version,
    )}`;
  }
}

/** `scorecards.enforcement.<provider>.environments`: each CI provider's environment names to Waybill environments. */
export function readCiEnvironments(
  config: Config,
): Record<PipelineProvider, Record<string, string>> {
  const read = (provider: PipelineProvider) => {
    const section = config.getOptionalConfig(
      `scorecards.enforcement.${provider}.environments`,
    );
    if (!section) return {};
    return Object.fromEntries(
      section.keys().map(name => [name, section.getString(name)]),
    );
  };
  return { github: read('github'), gitlab: read('gitlab') };
}
