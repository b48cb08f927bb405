import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isTenantEntity,
  readTenant,
  servesEntity,
  Tenant,
  TENANT_TYPE,
} from '@waybill/plugin-waybill-common';

const CATALOG_PAGE = 500;

/** The catalog's tenants, read by waybill-common's tenant convention. */
export class CatalogTenants {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      logger: LoggerService;
    },
  ) {}

  /**
   * The catalog's tenants, page by page; with `servingEntityRef`, only those whose
   * spec.dependsOn names it. A tenant the catalog describes badly is skipped with a warning.
   */
  async list(
    credentials: BackstageCredentials,
    servingEntityRef?: string,
  ): Promise<Tenant[]> {
    const tenants: Tenant[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: CATALOG_PAGE }
          : {
              filter: { kind: 'Resource', 'spec.type': TENANT_TYPE },
              limit: CATALOG_PAGE,
            },
        { credentials },
      );
      for (const entity of page.items as Entity[]) {
        if (!isTenantEntity(entity)) continue;
        if (servingEntityRef && !servesEntity(entity, servingEntityRef)) {
          continue;
        }
        const read = readTenant(entity);
        if ('tenant' in read) tenants.push(read.tenant);
        else this.options.logger.warn(`Skipping tenant: ${read.problem}`);
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return tenants;
  }
}
