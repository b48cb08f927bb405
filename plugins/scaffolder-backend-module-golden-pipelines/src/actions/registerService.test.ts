import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  catalogInfoUrlOf,
  createRegisterServiceAction,
} from './registerService';

const config = new ConfigReader({
  integrations: {
    github: [{ host: 'github.com', token: 't' }],
    gitlab: [{ host: 'gitlab.com', token: 't' }],
  },
});
const integrations = ScmIntegrations.fromConfig(config);
const REPO_URL = 'github.com?owner=meridian&repo=pricing-quotes-api';

describe('catalogInfoUrlOf', () => {
  it("resolves the catalog file in the published repository's contents", () => {
    expect(
      catalogInfoUrlOf(integrations, {
        repoUrl: REPO_URL,
        repoContentsUrl:
          'https://github.com/meridian/pricing-quotes-api/blob/main',
        catalogInfoPath: '/catalog-info.yaml',
      }),
    ).toBe(
      'https://github.com/meridian/pricing-quotes-api/tree/main/catalog-info.yaml',
    );
    expect(
      catalogInfoUrlOf(integrations, {
        repoUrl: 'gitlab.com?owner=meridian&repo=delivery-slots-api',
        repoContentsUrl:
          'https://gitlab.com/meridian/delivery-slots-api/-/blob/main',
        catalogInfoPath: '/catalog-info.yaml',
      }),
    ).toBe(
      'https://gitlab.com/meridian/delivery-slots-api/-/blob/main/catalog-info.yaml',
    );
  });

  it('resolves it on a GitLab instance served under a path, and in a subgroup', () => {
    const selfHosted = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          gitlab: [
            {
              host: 'code.meridian.example',
              apiBaseUrl: 'https://code.meridian.example/gitlab/api/v4',
              baseUrl: 'https://code.meridian.example/gitlab',
              token: 't',
            },
          ],
        },
      }),
    );
    const repoUrl =
      'code.meridian.example?owner=erp/pricing&repo=delivery-slots-api';
    expect(
      catalogInfoUrlOf(selfHosted, {
        repoUrl,
        repoContentsUrl:
          'https://code.meridian.example/gitlab/erp/pricing/delivery-slots-api/-/blob/main',
        catalogInfoPath: '/catalog-info.yaml',
      }),
    ).toBe(
      'https://code.meridian.example/gitlab/erp/pricing/delivery-slots-api/-/blob/main/catalog-info.yaml',
    );
    // Still only under that path.
    expect(() =>
      catalogInfoUrlOf(selfHosted, {
        repoUrl,
        repoContentsUrl:
          'https://code.meridian.example/erp/pricing/delivery-slots-api/-/blob/main',
        catalogInfoPath: '/catalog-info.yaml',
      }),
    ).toThrow(
      'is not in the published repository erp/pricing/delivery-slots-api',
    );
  });

  it.each([
    [
      'another repository of the owner',
      'https://github.com/meridian/pricing-quotes-api-old/blob/main',
      'is not in the published repository meridian/pricing-quotes-api',
    ],
    [
      'another owner',
      'https://github.com/intruder/pricing-quotes-api/blob/main',
      'is not in the published repository',
    ],
    [
      'another host',
      'https://gitlab.com/meridian/pricing-quotes-api/-/blob/main',
      'is not on github.com',
    ],
  ])('refuses %s', (_what, repoContentsUrl, message) => {
    expect(() =>
      catalogInfoUrlOf(integrations, {
        repoUrl: REPO_URL,
        repoContentsUrl,
        catalogInfoPath: '/catalog-info.yaml',
      }),
    ).toThrow(message);
  });
});

describe('waybill:catalog:register', () => {
  const catalog = catalogServiceMock.mock({
    addLocation: jest.fn().mockResolvedValue({
      location: { id: 'l1', type: 'url', target: 'registered' },
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'generated-abc' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'pricing-quotes-api', namespace: 'default' },
        },
      ] as Entity[],
    }),
  });
  const action = createRegisterServiceAction({
    config,
    catalog,
    auth: mockServices.auth(),
  });

  it("registers the published repository's catalog file with the scaffolder's own credentials", async () => {
    const ctx = createMockActionContext({
      input: {
        repoUrl: REPO_URL,
        repoContentsUrl:
          'https://github.com/meridian/pricing-quotes-api/blob/main',
        catalogInfoPath: '/catalog-info.yaml',
      },
    });
    await action.handler(ctx);
    const target =
      'https://github.com/meridian/pricing-quotes-api/tree/main/catalog-info.yaml';
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'url', target },
      { credentials: mockCredentials.service('plugin:test') },
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/pricing-quotes-api',
    );
    expect(ctx.output).toHaveBeenCalledWith('catalogInfoUrl', target);
  });

  it('refuses a catalog path that leaves the repository, registering nothing', async () => {
    jest.mocked(catalog.addLocation).mockClear();
    const ctx = createMockActionContext({
      input: {
        repoUrl: REPO_URL,
        repoContentsUrl:
          'https://github.com/meridian/pricing-quotes-api/blob/main',
        catalogInfoPath: '/../../intruder/x/catalog-info.yaml',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /catalogInfoPath: a file path in the repository/,
    );
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });
});
