import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ServiceUnavailableError } from '@backstage/errors';
import { loadDemoEntities } from '@waybill/plugin-dependency-map-common/testUtils';
import { syntheticEstate } from '../__testUtils__/syntheticEstate';
import { CatalogDependencyGraph } from './CatalogDependencyGraph';

function graphOver(
  entities = loadDemoEntities(),
  options: { maxNodes?: number; pageSize?: number } = {},
) {
  const catalog = catalogServiceMock({ entities });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  const logger = mockServices.logger.mock();
  const graph = new CatalogDependencyGraph({
    catalog,
    auth: mockServices.auth(),
    logger,
    maxNodes: options.maxNodes ?? 50_000,
    pageSize: options.pageSize ?? 500,
  });
  return { graph, queryEntities, logger };
}

describe('CatalogDependencyGraph', () => {
  it('builds a 5,000-entity estate in ceil(5,000 / 500) = 10 catalog requests, not one per entity', async () => {
    const { graph, queryEntities } = graphOver(syntheticEstate(5000, 500));
    const { build } = await graph.refresh('manual');
    expect(build).toMatchObject({
      entitiesRead: 5000,
      nodeCount: 5000,
      catalogRequests: 10,
      pageSize: 500,
      truncated: false,
    });
    expect(queryEntities).toHaveBeenCalledTimes(10);
    await graph.refresh('schedule');
    expect(graph.status()).toMatchObject({
      ready: true,
      builds: 2,
      catalogRequestsTotal: 20,
      current: { trigger: 'schedule' },
    });
  });

  it('joins a refresh that is already running instead of starting another', async () => {
    const { graph, queryEntities } = graphOver();
    const [a, b, c] = await Promise.all([
      graph.refresh(),
      graph.refresh(),
      graph.current(),
    ]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    // One build: one request for the estate, one for its APIs.
    expect(queryEntities).toHaveBeenCalledTimes(2);
    expect(graph.status().builds).toBe(1);
  });

  it('keeps serving the previous graph when a rebuild fails', async () => {
    const { graph, queryEntities, logger } = graphOver();
    const first = await graph.current();
    queryEntities.mockRejectedValueOnce(new Error('catalog timed out'));
    await expect(graph.refresh('schedule')).rejects.toThrow(
      'catalog timed out',
    );
    expect(await graph.current()).toBe(first);
    expect(graph.status()).toMatchObject({
      ready: true,
      builds: 1,
      lastError: { message: expect.stringContaining('catalog timed out') },
    });
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('still serving the previous graph'),
    );
  });

  it('serves a graph older than maxAge and rebuilds it in the background', async () => {
    // The catalog is still ingesting when the first request builds the graph.
    const entities = loadDemoEntities();
    const catalog = catalogServiceMock({
      entities: entities.filter(e => e.kind === 'Component').slice(0, 5),
    });
    let clock = Date.parse('2026-11-23T12:00:00Z');
    const graph = new CatalogDependencyGraph({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      maxNodes: 50_000,
      pageSize: 500,
      maxAgeMs: 30_000,
      now: () => clock,
    });
    const first = await graph.current();
    expect(first.build.entitiesRead).toBe(5);

    // Ingestion finishes; young graphs are served as they are.
    const full = catalogServiceMock({ entities });
    jest
      .spyOn(catalog, 'queryEntities')
      .mockImplementation((request, options) =>
        full.queryEntities(request, options),
      );
    clock += 10_000;
    expect(await graph.current()).toBe(first);
    expect(graph.status().building).toBe(false);

    // Older than maxAge: answered from the old graph, rebuilt behind it.
    clock += 25_000;
    expect(await graph.current()).toBe(first);
    expect(graph.status().building).toBe(true);
    const rebuilt = await graph.refresh();
    expect(rebuilt.build.entitiesRead).toBeGreaterThan(5);
    expect(await graph.current()).toBe(rebuilt);
  });

  it('answers 503 before any build succeeded', async () => {
    const { graph, queryEntities } = graphOver();
    queryEntities.mockRejectedValueOnce(new Error('catalog not up yet'));
    await expect(graph.current()).rejects.toThrow(ServiceUnavailableError);
    await expect(graph.current()).resolves.toMatchObject({
      build: { trigger: 'request' },
    });
  });

  it('warns when the catalog holds more than maxNodes entities', async () => {
    const { graph, logger } = graphOver(syntheticEstate(1000), {
      maxNodes: 600,
      pageSize: 250,
    });
    const { build } = await graph.current();
    expect(build).toMatchObject({
      entitiesRead: 600,
      catalogEntities: 1000,
      catalogRequests: 3,
      truncated: true,
      message: expect.stringContaining('keeps the first 600'),
    });
    expect(logger.warn).toHaveBeenCalledWith(build.message);
  });

  it('patches for named entities once built, and builds whole before the first build', async () => {
    const { graph, queryEntities } = graphOver(syntheticEstate(1000));
    const first = await graph.patch(['component:default/svc-1']);
    expect(first.build).toMatchObject({ kind: 'full', trigger: 'event' });
    expect(queryEntities).toHaveBeenCalledTimes(2);

    const [a, b] = await Promise.all([
      graph.patch(['component:default/svc-2']),
      graph.patch(['component:default/svc-3']),
    ]);
    expect(a.build.kind).toBe('incremental');
    expect(queryEntities).toHaveBeenCalledTimes(2);
    expect(graph.status()).toMatchObject({
      builds: 1,
      patches: b === a ? 1 : 2,
      current: { kind: 'incremental', nodeCount: first.build.nodeCount },
      memoryBytes: expect.any(Number),
    });
    expect(graph.status().memoryBytes).toBeGreaterThan(1_000_000);
  });
});
