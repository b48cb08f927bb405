import plugin from './alpha';
import { tenantRolloutsPlugin } from './plugin';

describe('the tenant-rollouts plugin in both frontend systems', () => {
  it('gives the new frontend system a page, an entity tab and the API', () => {
    for (const id of [
      'page:tenant-rollouts',
      'entity-content:tenant-rollouts',
      'api:tenant-rollouts',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('keeps the legacy plugin with the same id, API and route', () => {
    expect(tenantRolloutsPlugin.getId()).toBe('tenant-rollouts');
    expect(plugin.id).toBe('tenant-rollouts');
    expect([...tenantRolloutsPlugin.getApis()].map(api => api.api.id)).toEqual([
      'plugin.tenant-rollouts.service',
    ]);
    expect(Object.keys(tenantRolloutsPlugin.routes)).toEqual(['root']);
  });
});
