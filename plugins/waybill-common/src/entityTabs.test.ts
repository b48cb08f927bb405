import { entityTabLink, ENTITY_TABS } from './entityTabs';

describe('entityTabLink', () => {
  it("links to a tab below the entity's page, opened on a release with that tab's parameter", () => {
    expect(
      entityTabLink(
        '/catalog/default/component/inventory',
        'scorecards',
        '5.2.0',
      ),
    ).toBe('/catalog/default/component/inventory/scorecards?release=5.2.0');
    expect(
      entityTabLink(
        '/catalog/default/component/inventory/',
        'rollouts',
        '5.2.0+build 7',
      ),
    ).toBe(
      '/catalog/default/component/inventory/rollouts?version=5.2.0%2Bbuild%207',
    );
  });

  it('links to the tab itself without a version', () => {
    expect(entityTabLink('/catalog/default/component/sales', 'rollouts')).toBe(
      '/catalog/default/component/sales/rollouts',
    );
    expect(ENTITY_TABS.dependencies.path).toBe('dependencies');
  });
});
