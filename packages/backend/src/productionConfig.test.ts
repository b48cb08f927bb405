import fs from 'fs';
import path from 'path';
import { Config, ConfigReader } from '@backstage/config';
import {
  generatePipeline,
  parsePipelineModel,
} from '@waybill/plugin-scaffolder-backend-module-golden-pipelines';
import { pipelineTokenHandler } from '@waybill/plugin-waybill-node';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

const productionText = read('app-config.production.yaml');
/** `${NAME}` and `${NAME:-fallback}`, as the config loader substitutes them. */
const placeholder = /\$\{(\w+)(?::-([^{}]*))?\}/g;
const variables = [...productionText.matchAll(placeholder)].map(m => m[1]);

/**
 * Both config files as the backend merges them. A variable set in `env` takes that value; any
 * other becomes its fallback when it has one, or the marker value `env-<NAME>`.
 */
function productionConfig(env: Record<string, string> = {}) {
  const substitute = (text: string) =>
    parse(
      text.replace(
        placeholder,
        (_, name: string, fallback?: string) =>
          env[name] ?? fallback?.trim() ?? `env-${name}`,
      ),
    );
  return ConfigReader.fromConfigs([
    { context: 'app-config.yaml', data: substitute(read('app-config.yaml')) },
    { context: 'app-config.production.yaml', data: substitute(productionText) },
  ]);
}

describe('app-config.production.yaml', () => {
  const config = productionConfig();

  it('uses PostgreSQL from the environment and Redis as the cache', () => {
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.getString('backend.database.connection.host')).toBe(
      'env-POSTGRES_HOST',
    );
    expect(config.getString('backend.cache.store')).toBe('redis');
    expect(config.getString('backend.cache.connection')).toBe('env-REDIS_URL');
  });

  const externalAccess = (c: ConfigReader) =>
    c.getConfigArray('backend.auth.externalAccess');
  const restrictionsOf = (entry: Config) =>
    entry.getOptionalConfigArray('accessRestrictions')?.map(r => r.get());

  it('restricts every external-access entry, and has no legacy keys, which are unrestricted', () => {
    expect(externalAccess(config).length).toBeGreaterThan(0);
    for (const entry of externalAccess(config)) {
      const restrictions = restrictionsOf(entry);
      expect(restrictions?.length).toBeGreaterThan(0);
      // A restriction to a plugin without naming permissions allows all of that plugin's.
      for (const restriction of restrictions!) {
        expect(restriction).toHaveProperty('permission');
      }
    }
    // backend.auth.keys accepts HS256 tokens as `external:backstage-plugin` with no restriction;
    // plugins of the new backend system sign their own tokens and never need it.
    expect(config.has('backend.auth.keys')).toBe(false);
  });

  it('grants no token what only people may do: overrides, rollbacks, policy re-evaluation', () => {
    const peopleOnly = [
      'scorecards.gate.override',
      'scorecards.policy.reevaluate',
      'tenant-rollouts.rollout.override',
      'tenant-rollouts.rollout.rollback',
    ];
    for (const entry of externalAccess(config)) {
      const granted = (restrictionsOf(entry) ?? []).flatMap(
        r => (r as { permission: string[] }).permission,
      );
      for (const permission of peopleOnly) {
        expect(granted).not.toContain(permission);
      }
    }
  });

  it('gives CI systems without OIDC a static token from the environment that only reads', () => {
    const [access] = externalAccess(config);
    expect(access.getString('type')).toBe('static');
    expect(access.getString('options.token')).toBe('env-WAYBILL_CI_TOKEN');
    expect(access.getString('options.subject')).toBe('ci-readers');
    expect(restrictionsOf(access)).toEqual([
      { plugin: 'scorecards', permission: ['scorecards.release.read'] },
      { plugin: 'tenant-rollouts', permission: ['tenant-rollouts.read'] },
    ]);
  });

  const pipelineEntries = (c: ConfigReader) =>
    externalAccess(c)
      .filter(a => a.getString('type') === pipelineTokenHandler.type)
      .map(a => ({
        options: a.getConfig('options'),
        accessRestrictions: a.getOptionalConfigArray('accessRestrictions'),
      }));

  it('accepts the OIDC ID tokens of GitHub Actions and GitLab CI with audience waybill, as pipelines', () => {
    const entries = pipelineEntries(config);
    expect(entries.map(e => e.options.get())).toEqual([
      {
        provider: 'github',
        url: 'https://token.actions.githubusercontent.com/.well-known/jwks',
        issuer: 'https://token.actions.githubusercontent.com',
        algorithm: 'RS256',
        audience: 'waybill',
      },
      {
        provider: 'gitlab',
        url: 'https://gitlab.com/oauth/discovery/keys',
        issuer: 'https://gitlab.com',
        algorithm: 'RS256',
        audience: 'waybill',
      },
    ]);
    // The handler the backend adds accepts these options as they are.
    for (const { options } of entries) {
      expect(() => pipelineTokenHandler.initialize({ options })).not.toThrow();
    }
  });

  it('takes the issuers from the environment when set', () => {
    const [github, gitlab] = pipelineEntries(
      productionConfig({
        GITHUB_OIDC_ISSUER:
          'https://token.actions.githubusercontent.com/meridian',
        GITLAB_OIDC_ISSUER: 'https://gitlab.meridian.example',
      }),
    ).map(e => e.options.get());
    expect(github).toMatchObject({
      url: 'https://token.actions.githubusercontent.com/meridian/.well-known/jwks',
      issuer: 'https://token.actions.githubusercontent.com/meridian',
    });
    expect(gitlab).toMatchObject({
      url: 'https://gitlab.meridian.example/oauth/discovery/keys',
      issuer: 'https://gitlab.meridian.example',
    });
  });

  it('lets pipeline tokens upload evidence, read gates and move rollouts', () => {
    for (const { accessRestrictions } of pipelineEntries(config)) {
      expect(accessRestrictions?.map(r => r.get())).toEqual([
        // Contract tests read the provider APIs from the catalog.
        { plugin: 'catalog', permission: ['catalog.entity.read'] },
        {
          plugin: 'scorecards',
          permission: ['scorecards.evidence.upload', 'scorecards.release.read'],
        },
        {
          plugin: 'tenant-rollouts',
          permission: [
            'tenant-rollouts.read',
            'tenant-rollouts.status.report',
            'tenant-rollouts.rollout.create',
            'tenant-rollouts.rollout.advance',
          ],
        },
      ]);
    }
  });

  it('matches what the golden pipelines send: the audience and the APIs they call', () => {
    const allowed = new Set(
      pipelineEntries(config)[0].accessRestrictions!.map(r =>
        r.getString('plugin'),
      ),
    );
    const audiences = new Set(
      pipelineEntries(config).map(e => e.options.getString('audience')),
    );
    for (const ciProvider of ['github-actions', 'gitlab-ci']) {
      const { files } = generatePipeline(
        parsePipelineModel({
          name: 'pricing-api',
          serviceKind: 'api-service',
          tier: 'critical',
          clouds: ['aws', 'azure', 'gcp'],
          ciProvider,
        }),
      );
      // The pipeline, the script its steps run and the repository's own scripts.
      const pipeline = files.map(f => f.content).join('\n');
      const requested =
        ciProvider === 'github-actions'
          ? [
              ...pipeline.matchAll(
                /ACTIONS_ID_TOKEN_REQUEST_URL&audience=(\w+)/g,
              ),
            ]
          : [...pipeline.matchAll(/WAYBILL_ID_TOKEN:\s+aud: (\w+)/g)];
      expect(requested.length).toBeGreaterThan(0);
      for (const [, audience] of requested) {
        expect(audiences).toContain(audience);
      }
      // A call's path begins the URL: after a quote, $WAYBILL_URL or a base URL's `}`.
      const plugins = [
        ...pipeline.matchAll(/(?:"|\$WAYBILL_URL|\})\/api\/([\w-]+)\//g),
      ];
      expect(plugins.length).toBeGreaterThan(0);
      for (const [, plugin] of plugins) expect(allowed).toContain(plugin);
    }
  });

  it('offers no guest sign-in, no demo catalog, no demo evidence and no demo rollouts', () => {
    expect(config.getConfig('auth.providers').keys()).toEqual(['github']);
    expect(config.getStringArray('app.signIn.providers')).toEqual(['github']);
    expect(config.getConfigArray('catalog.locations')).toEqual([]);
    expect(config.has('waybill.demo.seedEvidence')).toBe(false);
    expect(config.has('waybill.demo.seedRollouts')).toBe(false);
  });

  it('trusts none of the demo signers with signature or provenance evidence', () => {
    expect(config.getConfigArray('scorecards.trust.keys')).toEqual([]);
    expect(config.has('scorecards.trust.sigstore')).toBe(false);
  });

  it('signs gate decisions with the key it is given, never one it makes itself', () => {
    const keys = productionConfig({
      WAYBILL_ATTESTATION_KEY_ID: 'waybill-2026-12',
    }).getConfigArray('scorecards.attestations.keys');
    expect(keys.map(k => k.get())).toEqual([
      {
        id: 'waybill-2026-12',
        privateKeyFile: 'env-WAYBILL_ATTESTATION_KEY_FILE',
      },
    ]);
    expect(config.getString('scorecards.attestations.signingKey')).toBe(
      'waybill',
    );
  });

  it('documents every environment variable it reads in the README', () => {
    const readme = read('README.md');
    expect(variables.length).toBeGreaterThan(0);
    for (const name of new Set(variables)) {
      expect(readme).toMatch(new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm'));
    }
  });
});
