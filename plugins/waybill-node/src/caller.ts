import type {
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';

/** The CI providers whose pipelines Waybill can identify by repository. */
export const PIPELINE_PROVIDERS = ['github', 'gitlab'] as const;

/** A CI provider whose pipelines Waybill can identify by repository. */
export type PipelineProvider = (typeof PIPELINE_PROVIDERS)[number];

/** The catalog annotation that names an entity's repository, per provider. */
export const PROJECT_SLUG_ANNOTATIONS: Record<PipelineProvider, string> = {
  github: 'github.com/project-slug',
  gitlab: 'gitlab.com/project-slug',
};

/**
 * Who is calling a Waybill route:
 * - a person (`user`), whose rights the permission policy decides;
 * - a CI pipeline (`pipeline`), authenticated by the `waybill-pipeline` external token handler
 *   from its provider's OIDC ID token; `project` is the repository the token was issued to,
 *   absent when the token did not establish one;
 * - any other service principal (`service`): a Backstage plugin (`plugin:<id>`), a static
 *   external-access token, or a token of another external issuer (`external:...`).
 */
export type Caller =
  | { type: 'user'; subject: string }
  | {
      type: 'pipeline';
      subject: string;
      provider: PipelineProvider;
      project?: string;
    }
  | { type: 'service'; subject: string };

const PIPELINE_SUBJECT = /^pipeline:(github|gitlab)(?::([^:]+))?$/;

/**
 * The principal subject of a pipeline: `pipeline:<provider>:<repository>`, or
 * `pipeline:<provider>` when its token names no repository.
 */
export function pipelineSubject(
  provider: PipelineProvider,
  project: string | undefined,
): string {
  return project ? `pipeline:${provider}:${project}` : `pipeline:${provider}`;
}

/** Who a request's credentials belong to (see {@link Caller}). */
export function callerOf(credentials: BackstageCredentials): Caller {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | BackstageServicePrincipal
    | BackstageNonePrincipal;
  if (principal.type === 'user') {
    return { type: 'user', subject: principal.userEntityRef };
  }
  if (principal.type !== 'service') {
    throw new NotAllowedError('The request carries no user or service token');
  }
  const pipeline = PIPELINE_SUBJECT.exec(principal.subject);
  if (pipeline) {
    return {
      type: 'pipeline',
      subject: principal.subject,
      provider: pipeline[1] as PipelineProvider,
      project: pipeline[2],
    };
  }
  return { type: 'service', subject: principal.subject };
}

function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

/**
 * Whether the caller may change state scoped to an entity (upload its evidence, report its
 * delivery events, plan or move its rollouts). Fails closed:
 * - a person is decided by the permission policy, not here;
 * - a pipeline only for an entity in the catalog whose project-slug annotation names the
 *   repository its token established; a pipeline whose token established none, for nothing;
 * - a token of an external issuer that is not a pipeline issuer (`external:...`, the `jwks` and
 *   `legacy` types) for nothing: nothing ties it to a repository;
 * - Backstage plugins and static tokens as their access restrictions allow.
 *
 * @param entity - the entity as the catalog holds it, or undefined when it does not
 * @throws NotAllowedError naming the caller, the entity and why
 */
export function assertMayActFor(
  caller: Caller,
  entityRef: string,
  entity: Entity | undefined,
): void {
  if (caller.type === 'user') return;
  if (caller.type === 'service') {
    if (caller.subject.startsWith('external:')) {
      throw new NotAllowedError(
        `${caller.subject} may not act for ${entityRef}: its token comes from an external issuer that is not a pipeline issuer, so nothing ties it to the entity's repository (configure CI issuers with backend.auth.externalAccess type waybill-pipeline)`,
      );
    }
    return;
  }
  if (!caller.project) {
    throw new NotAllowedError(
      `This ${
        caller.provider
      } pipeline may not act for ${entityRef}: its token names no repository (claim ${
        caller.provider === 'github' ? 'repository' : 'project_path'
      })`,
    );
  }
  if (!entity) {
    throw new NotAllowedError(
      `The pipeline of ${caller.project} may not act for ${entityRef}: the entity is not in the catalog, so nothing names its repository`,
    );
  }
  const annotation = PROJECT_SLUG_ANNOTATIONS[caller.provider];
  const declared = entity.metadata.annotations?.[annotation];
  if (!declared) {
    throw new NotAllowedError(
      `The pipeline of ${caller.project} may not act for ${refOf(
        entity,
      )}: the entity has no ${annotation} annotation naming its repository`,
    );
  }
  if (declared.toLowerCase() !== caller.project.toLowerCase()) {
    throw new NotAllowedError(
      `The pipeline of ${caller.project} may not act for ${refOf(
        entity,
      )}, whose repository is ${declared} (${annotation})`,
    );
  }
}

/**
 * Decisions that set aside a gate or undo a release (gate and rollout overrides, rollbacks,
 * policy re-evaluation) are made by people, whatever a token's access restrictions say.
 *
 * @param what - the decision, e.g. "A gate override"
 * @throws NotAllowedError when the caller is not a person
 */
export function assertPerson(caller: Caller, what: string): void {
  if (caller.type !== 'user') {
    throw new NotAllowedError(
      `${what} needs a person signed in to the portal; ${caller.subject} is a ${
        caller.type === 'pipeline' ? 'pipeline' : 'service'
      }`,
    );
  }
}
