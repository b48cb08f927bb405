import fs from 'fs';
import path from 'path';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

const productionText = read('app-config.production.yaml');
const variables = [...productionText.matchAll(/\$\{(\w+)\}/g)].map(m => m[1]);

/** Both config files as the backend merges them, with every variable set to a marker value. */
function productionConfig() {
  const substitute = (text: string) =>
    parse(text.replace(/\$\{(\w+)\}/g, (_, name) => `env-${name}`));
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

  it('gives CI callers static tokens from the environment', () => {
    const [access] = config.getConfigArray('backend.auth.externalAccess');
    expect(access.getString('type')).toBe('static');
    expect(access.getString('options.token')).toBe('env-WAYBILL_CI_TOKEN');
    expect(access.getString('options.subject')).toBe('ci-pipelines');
  });

  it('offers no guest sign-in, no demo catalog and no demo evidence', () => {
    expect(config.getConfig('auth.providers').keys()).toEqual(['github']);
    expect(config.getStringArray('app.signIn.providers')).toEqual(['github']);
    expect(config.getConfigArray('catalog.locations')).toEqual([]);
    expect(config.has('waybill.demo.seedEvidence')).toBe(false);
  });

  it('documents every environment variable it reads in the README', () => {
    const readme = read('README.md');
    expect(variables.length).toBeGreaterThan(0);
    for (const name of new Set(variables)) {
      expect(readme).toMatch(new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm'));
    }
  });
});
