import plugin from './alpha';
import { scorecardsPlugin } from './plugin';

describe('the scorecards plugin in both frontend systems', () => {
  it('gives the new frontend system a page, an entity card and tab, home page widgets, a catalog filter, and the API', () => {
    for (const id of [
      'page:scorecards',
      'entity-card:scorecards/release',
      'entity-content:scorecards',
      'home-page-widget:scorecards/blocked-releases',
      'home-page-widget:scorecards/expiring-waivers',
      'catalog-filter:scorecards/release-gate',
      'api:scorecards',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('keeps the legacy plugin with the same id, API and route', () => {
    expect(scorecardsPlugin.getId()).toBe('scorecards');
    expect(plugin.id).toBe('scorecards');
    expect([...scorecardsPlugin.getApis()].map(api => api.api.id)).toEqual([
      'plugin.scorecards.service',
    ]);
    expect(Object.keys(scorecardsPlugin.routes)).toEqual(['root']);
  });
});
