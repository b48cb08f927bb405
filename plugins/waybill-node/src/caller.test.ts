import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { assertMayActFor, assertPerson, Caller, callerOf } from './caller';

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'inventory', namespace: 'default', annotations },
  spec: {},
});
const REF = 'component:default/inventory';
const ownRepo = entity({ 'github.com/project-slug': 'Meridian/Inventory' });

describe('callerOf', () => {
  it('tells people, pipelines and other services apart', () => {
    expect(callerOf(mockCredentials.user('user:default/ada'))).toEqual({
      type: 'user',
      subject: 'user:default/ada',
    });
    expect(
      callerOf(mockCredentials.service('pipeline:github:meridian/inventory')),
    ).toEqual({
      type: 'pipeline',
      subject: 'pipeline:github:meridian/inventory',
      provider: 'github',
      project: 'meridian/inventory',
    });
    expect(callerOf(mockCredentials.service('pipeline:gitlab'))).toEqual({
      type: 'pipeline',
      subject: 'pipeline:gitlab',
      provider: 'gitlab',
    });
    expect(callerOf(mockCredentials.service('plugin:catalog'))).toEqual({
      type: 'service',
      subject: 'plugin:catalog',
    });
    // Subjects of other shapes are services, whatever words they contain.
    expect(
      callerOf(
        mockCredentials.service(
          'external:github-actions:repo:meridian/inventory:ref:main',
        ),
      ).type,
    ).toBe('service');
    expect(() => callerOf(mockCredentials.none())).toThrow(/no user/);
  });
});

describe('assertMayActFor', () => {
  const pipeline = (project?: string): Caller => ({
    type: 'pipeline',
    subject: `pipeline:github${project ? `:${project}` : ''}`,
    provider: 'github',
    project,
  });

  it('lets a pipeline act for the entity that names its repository', () => {
    expect(() =>
      assertMayActFor(pipeline('meridian/inventory'), REF, ownRepo),
    ).not.toThrow();
  });

  it("refuses a pipeline another repository's entity, an entity naming none, or one not in the catalog", () => {
    expect(() =>
      assertMayActFor(pipeline('attacker/tools'), REF, ownRepo),
    ).toThrow(/whose repository is Meridian\/Inventory/);
    expect(() =>
      assertMayActFor(pipeline('meridian/inventory'), REF, entity()),
    ).toThrow(/no github.com\/project-slug annotation/);
    expect(() =>
      assertMayActFor(
        pipeline('meridian/inventory'),
        REF,
        entity({ 'gitlab.com/project-slug': 'meridian/inventory' }),
      ),
    ).toThrow(/no github.com\/project-slug annotation/);
    expect(() =>
      assertMayActFor(pipeline('meridian/inventory'), REF, undefined),
    ).toThrow(/not in the catalog/);
  });

  it('refuses a pipeline whose token names no repository, for every entity', () => {
    expect(() => assertMayActFor(pipeline(), REF, ownRepo)).toThrow(
      /names no repository \(claim repository\)/,
    );
  });

  it('refuses tokens of other external issuers, which nothing ties to a repository', () => {
    for (const subject of [
      'external:github-actions:repo:meridian/inventory:ref:main',
      'external:github-actions:repository_owner:meridian',
      'external:backstage-plugin',
    ]) {
      expect(() =>
        assertMayActFor({ type: 'service', subject }, REF, ownRepo),
      ).toThrow(/not a pipeline issuer/);
    }
  });

  it('leaves people to the permission policy, and plugins and static tokens to their access restrictions', () => {
    for (const caller of [
      { type: 'user', subject: 'user:default/ada' },
      { type: 'service', subject: 'plugin:scaffolder' },
      { type: 'service', subject: 'deploy-tooling' },
    ] as Caller[]) {
      expect(() => assertMayActFor(caller, REF, undefined)).not.toThrow();
    }
  });
});

describe('assertPerson', () => {
  it('refuses pipelines and services', () => {
    expect(() =>
      assertPerson({ type: 'user', subject: 'user:default/ada' }, 'A rollback'),
    ).not.toThrow();
    expect(() =>
      assertPerson(
        {
          type: 'pipeline',
          subject: 'pipeline:github:a/b',
          provider: 'github',
          project: 'a/b',
        },
        'A gate override',
      ),
    ).toThrow('A gate override needs a person signed in to the portal');
    expect(() =>
      assertPerson({ type: 'service', subject: 'ci-pipelines' }, 'A rollback'),
    ).toThrow(/ci-pipelines is a service/);
  });
});
