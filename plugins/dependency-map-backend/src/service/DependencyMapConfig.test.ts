import { ConfigReader } from '@backstage/config';
import { readDependencyMapConfig } from './DependencyMapConfig';

describe('readDependencyMapConfig', () => {
  it('has defaults', () => {
    expect(readDependencyMapConfig(new ConfigReader({}))).toEqual({
      maxNodes: 50_000,
      pageSize: 500,
      refresh: {
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        eventTopics: [],
        debounce: { seconds: 10 },
        maxAge: { seconds: 30 },
      },
    });
  });

  it('reads every key, durations as objects or strings', () => {
    const config = readDependencyMapConfig(
      new ConfigReader({
        dependencyMap: {
          maxNodes: 20_000,
          pageSize: 1000,
          refresh: {
            frequency: { minutes: 2 },
            timeout: 'PT1M',
            eventTopics: ['catalog.entity-change'],
            debounce: '30s',
            maxAge: { minutes: 2 },
          },
        },
      }),
    );
    expect(config).toEqual({
      maxNodes: 20_000,
      pageSize: 1000,
      refresh: {
        frequency: { minutes: 2 },
        timeout: { minutes: 1 },
        eventTopics: ['catalog.entity-change'],
        debounce: { seconds: 30 },
        maxAge: { minutes: 2 },
      },
    });
  });

  it('rebuilds on requests only without event topics, unless maxAge is set', () => {
    const refresh = (settings: object) =>
      readDependencyMapConfig(
        new ConfigReader({ dependencyMap: { refresh: settings } }),
      ).refresh;
    expect(
      refresh({ eventTopics: ['catalog.entity-change'] }),
    ).not.toHaveProperty('maxAge');
    expect(refresh({ eventTopics: [] }).maxAge).toEqual({ seconds: 30 });
    expect(
      refresh({ eventTopics: ['catalog.entity-change'], maxAge: 'PT5M' })
        .maxAge,
    ).toEqual({ minutes: 5 });
  });

  it.each([
    [{ maxNodes: 0 }, 'dependencyMap.maxNodes'],
    [{ pageSize: 2.5 }, 'dependencyMap.pageSize'],
    [{ pageSize: 20_000 }, 'dependencyMap.pageSize'],
    [{ refresh: { frequency: 'often' } }, 'dependencyMap.refresh.frequency'],
  ])('fails startup on %j naming %s', (dependencyMap, key) => {
    expect(() =>
      readDependencyMapConfig(new ConfigReader({ dependencyMap })),
    ).toThrow(key);
  });
});
