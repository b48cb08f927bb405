import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** A catalog whose entities a test replaces between reads. */
export function swappableCatalog(initial: Entity[]) {
  let served = catalogServiceMock({ entities: initial });
  const catalog = catalogServiceMock({ entities: [] });
  jest
    .spyOn(catalog, 'queryEntities')
    .mockImplementation((req, opts) => served.queryEntities(req, opts));
  const byRefs = jest
    .spyOn(catalog, 'getEntitiesByRefs')
    .mockImplementation((req, opts) => served.getEntitiesByRefs(req, opts));
  return {
    catalog: catalog as CatalogService,
    byRefs,
    serve(entities: Entity[]) {
      served = catalogServiceMock({ entities });
    },
  };
}
