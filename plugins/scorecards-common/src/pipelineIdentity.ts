import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';

/**
 * A CI pipeline identified by its provider's OIDC ID token, as Backstage names such a caller
 * (`external:<subjectPrefix>:<sub claim>`, see `backend.auth.externalAccess` of type `jwks`).
 */
export interface PipelineIdentity {
  provider: 'github' | 'gitlab';
  /** The repository the token was issued to: `owner/name` on GitHub, the project path on GitLab. */
  project: string;
}

/** The catalog annotation that names an entity's repository, per provider. */
export const PROJECT_SLUG_ANNOTATIONS: Record<
  PipelineIdentity['provider'],
  string
> = {
  github: 'github.com/project-slug',
  gitlab: 'gitlab.com/project-slug',
};

// GitHub Actions: `repo:<owner>/<name>:ref:refs/heads/main`, `...:environment:production`, ...
const GITHUB_SUB = /^external:(?:[^:]+:)?repo:([^:/]+\/[^:/]+):/;
// GitLab CI: `project_path:<group>/<project>:ref_type:branch:ref:main`
const GITLAB_SUB = /^external:(?:[^:]+:)?project_path:([^:]+):/;

/** The pipeline behind a principal's subject, or undefined for any other caller. */
export function pipelineIdentity(
  subject: string,
): PipelineIdentity | undefined {
  const github = GITHUB_SUB.exec(subject);
  if (github) return { provider: 'github', project: github[1] };
  const gitlab = GITLAB_SUB.exec(subject);
  if (gitlab) return { provider: 'gitlab', project: gitlab[1] };
  return undefined;
}

/**
 * An OIDC token proves which repository's pipeline is calling, not which service it builds:
 * every repository on GitHub can ask for a token with Waybill's audience. A pipeline may
 * therefore act only for entities whose catalog entry names its repository
 * (`github.com/project-slug` or `gitlab.com/project-slug`). Other callers (static tokens,
 * users, other backends) are not affected.
 *
 * @throws NotAllowedError when a pipeline acts for an entity of another repository, or one
 * that names no repository.
 */
export function assertPipelineMayActFor(subject: string, entity: Entity) {
  const pipeline = pipelineIdentity(subject);
  if (!pipeline) return;
  const annotation = PROJECT_SLUG_ANNOTATIONS[pipeline.provider];
  const declared = entity.metadata.annotations?.[annotation];
  const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
  if (!declared) {
    throw new NotAllowedError(
      `The pipeline of ${pipeline.project} may not act for ${ref}: the entity has no ${annotation} annotation naming its repository`,
    );
  }
  if (
    declared.toLocaleLowerCase('en-US') !==
    pipeline.project.toLocaleLowerCase('en-US')
  ) {
    throw new NotAllowedError(
      `The pipeline of ${pipeline.project} may not act for ${ref}, whose repository is ${declared} (${annotation})`,
    );
  }
}
