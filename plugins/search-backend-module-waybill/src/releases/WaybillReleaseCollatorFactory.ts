import { Readable } from 'node:stream';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  ScorecardsClient,
  type PortfolioItem,
  type ReleaseHistory,
  type ScorecardsApi,
} from '@waybill/plugin-scorecards-common';
import {
  WAYBILL_RELEASE_DOCUMENT_TYPE,
  type WaybillReleaseDocument,
} from '../documents';
import { serviceClientOptions, type CollatorServices } from '../serviceClients';
import { releaseDocument } from './releaseDocument';

/** The most entities a portfolio page holds (the API's maximum). */
const PORTFOLIO_PAGE_SIZE = 200;

/** The most releases `GET .../releases` answers for one entity (the API's maximum): the newest. */
const RELEASES_PER_ENTITY = 500;

/** How many entities' release histories are read at once. */
const CONCURRENT_HISTORIES = 8;

/** How the release collator is made. */
export interface WaybillReleaseCollatorFactoryOptions extends CollatorServices {
  /** Entities per portfolio page, 1..200; 200 by default. */
  pageSize?: number;
}

/**
 * Collates one `waybill-release` search document per release, from the scorecards backend:
 * the portfolio, page by page, names every entity with releases (its title, owner, system and
 * business processes), and each entity's release history gives its releases (the newest 500),
 * with their score, grade and gates. Documents stream out as the pages come in. The calls carry
 * the search plugin's own service token, so every release is indexed; the search backend shows
 * a release only to those who may read its entity (`catalog.entity.read`).
 */
export class WaybillReleaseCollatorFactory implements DocumentCollatorFactory {
  readonly type = WAYBILL_RELEASE_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  private readonly scorecards: ScorecardsApi;
  private readonly pageSize: number;

  constructor(options: WaybillReleaseCollatorFactoryOptions) {
    this.scorecards = new ScorecardsClient(
      serviceClientOptions('scorecards', options),
    );
    this.pageSize = options.pageSize ?? PORTFOLIO_PAGE_SIZE;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<WaybillReleaseDocument> {
    let cursor: string | undefined;
    do {
      const page = await this.scorecards.getPortfolio({
        sort: 'name',
        limit: this.pageSize,
        cursor,
      });
      for (let i = 0; i < page.items.length; i += CONCURRENT_HISTORIES) {
        const entities = page.items.slice(i, i + CONCURRENT_HISTORIES);
        const histories = await Promise.all(
          entities.map(entity => this.history(entity)),
        );
        for (const [j, entity] of entities.entries()) {
          for (const release of histories[j].items) {
            yield releaseDocument(entity, release);
          }
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  }

  private history(entity: PortfolioItem): Promise<ReleaseHistory> {
    return this.scorecards.listReleases(entity.entityRef, {
      limit: RELEASES_PER_ENTITY,
    });
  }
}
