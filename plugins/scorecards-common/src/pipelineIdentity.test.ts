import { Entity } from '@backstage/catalog-model';
import { assertPipelineMayActFor, pipelineIdentity } from './pipelineIdentity';

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'inventory', namespace: 'default', annotations },
  spec: {},
});

describe('pipelineIdentity', () => {
  it('reads the repository of GitHub Actions and GitLab CI ID tokens', () => {
    expect(
      pipelineIdentity(
        'external:github-actions:repo:meridian/inventory:ref:refs/heads/main',
      ),
    ).toEqual({ provider: 'github', project: 'meridian/inventory' });
    expect(
      pipelineIdentity(
        'external:github-actions:repo:meridian/inventory:environment:production',
      ),
    ).toEqual({ provider: 'github', project: 'meridian/inventory' });
    expect(
      pipelineIdentity(
        'external:gitlab-ci:project_path:erp/warehouse/inventory:ref_type:branch:ref:main',
      ),
    ).toEqual({ provider: 'gitlab', project: 'erp/warehouse/inventory' });
  });

  it('leaves other callers alone', () => {
    expect(pipelineIdentity('ci-pipelines')).toBeUndefined();
    expect(pipelineIdentity('external:ci-pipelines')).toBeUndefined();
    expect(pipelineIdentity('plugin:tenant-rollouts')).toBeUndefined();
    // A user-chosen static token subject that merely contains the words.
    expect(
      pipelineIdentity('repo:meridian/inventory:ref:main'),
    ).toBeUndefined();
  });
});

describe('assertPipelineMayActFor', () => {
  const github =
    'external:github-actions:repo:Meridian/Inventory:ref:refs/heads/main';

  it('lets a pipeline act for the entity that names its repository', () => {
    expect(() =>
      assertPipelineMayActFor(
        github,
        entity({ 'github.com/project-slug': 'meridian/inventory' }),
      ),
    ).not.toThrow();
  });

  it('refuses another repository, and an entity that names none', () => {
    expect(() =>
      assertPipelineMayActFor(
        github,
        entity({ 'github.com/project-slug': 'someone/fork' }),
      ),
    ).toThrow(
      'The pipeline of Meridian/Inventory may not act for component:default/inventory, whose repository is someone/fork (github.com/project-slug)',
    );
    expect(() => assertPipelineMayActFor(github, entity())).toThrow(
      /has no github.com\/project-slug annotation/,
    );
    // A GitHub slug does not vouch for a GitLab pipeline.
    expect(() =>
      assertPipelineMayActFor(
        'external:gitlab-ci:project_path:meridian/inventory:ref_type:branch:ref:main',
        entity({ 'github.com/project-slug': 'meridian/inventory' }),
      ),
    ).toThrow(/has no gitlab.com\/project-slug annotation/);
  });

  it('does not apply to static tokens or users', () => {
    expect(() =>
      assertPipelineMayActFor('ci-pipelines', entity()),
    ).not.toThrow();
    expect(() =>
      assertPipelineMayActFor('user:default/guest', entity()),
    ).not.toThrow();
  });
});
