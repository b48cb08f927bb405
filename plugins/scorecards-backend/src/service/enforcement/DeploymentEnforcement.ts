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
  PROJECT_SLUG_ANNOTATIONS,
} from '@waybill/plugin-waybill-node';
import { ScorecardStore } from '../../database/types';
import { ReleaseScorecards } from '../ReleaseScorecards';
import { gateSummary } from './gateSummary';

/** What a deployment engine is told: whether to promote, and the gate's answer behind it. */
export interface EnforcementAnswer {
  promote: boolean;
  gate: GateAnswer;
}

/** A deployment a GitHub environment's protection rule asks about. */
export interface GithubDeployment {
  /** `owner/name`. */
  repository: string;
  /** The GitHub environment's name. */
  environment: string;
  sha: string;
  ref: string;
}

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
 * webhook) and GitHub (a custom deployment protection rule). Each names the release its own way;
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
      /** GitHub environment name to Waybill environment; unnamed ones map to themselves. */
      githubEnvironments: Record<string, string>;
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
   * A GitHub deployment's review: the catalog component whose `github.com/project-slug` names
   * the repository, its release scored for the deployed commit, and that release's gate for the
   * environment the GitHub environment maps to. Anything missing rejects, saying what.
   */
  async github(
    deployment: GithubDeployment,
  ): Promise<{ approve: boolean; comment: string }> {
    const reject = (comment: string) => ({ approve: false, comment });
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: 'component',
          [`metadata.annotations.${PROJECT_SLUG_ANNOTATIONS.github}`]:
            deployment.repository,
        },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    if (items.length !== 1) {
      return reject(
        items.length === 0
          ? `Waybill holds this deployment: no catalog component names ${deployment.repository} in its \`${PROJECT_SLUG_ANNOTATIONS.github}\` annotation.`
          : `Waybill holds this deployment: ${
              items.length
            } catalog components name ${deployment.repository} in \`${
              PROJECT_SLUG_ANNOTATIONS.github
            }\` (${items
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
      return reject(
        `Waybill holds this deployment: no release of ${entityRef} was scored for commit ${deployment.sha} (${deployment.ref}). Upload the pipeline's evidence with \`?commit=$GITHUB_SHA\` before the deployment job.`,
      );
    }
    const environment =
      this.deps.githubEnvironments[deployment.environment] ??
      deployment.environment;
    let gate: GateAnswer;
    try {
      gate = await this.deps.scorecards.gate(key, environment);
    } catch (error) {
      if (!isError(error) || error.name !== 'InputError') throw error;
      return reject(
        `Waybill holds this deployment: ${error.message}. Map the GitHub environment ${deployment.environment} to one of them in scorecards.enforcement.github.environments.`,
      );
    }
    return {
      approve: gate.decision !== 'fail',
      comment: gateSummary(gate, this.scorecardUrl(entityRef, key.version)),
    };
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

/** `scorecards.enforcement.github.environments`: GitHub environment name to Waybill environment. */
export function readGithubEnvironments(config: Config): Record<string, string> {
  const section = config.getOptionalConfig(
    'scorecards.enforcement.github.environments',
  );
  if (!section) return {};
  return Object.fromEntries(
    section.keys().map(name => [name, section.getString(name)]),
  );
}
