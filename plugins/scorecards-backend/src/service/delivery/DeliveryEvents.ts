import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  computeDoraTrend,
  DeliveryEvent,
  DoraTrend,
} from '@waybill/plugin-scorecards-common';
import {
  assertMayActFor,
  Caller,
  CatalogReadAccess,
} from '@waybill/plugin-waybill-node';
import { PortfolioFilter } from '../../database/types';
import { assertReadable, ScorecardsDeps } from '../deps';
import { Portfolio } from '../portfolio/Portfolio';

/** Changes merged this long before a window may still ship in it; their events are read too. */
const MAX_LEAD_TIME_MS = 90 * 24 * 60 * 60 * 1000;

/** Delivery events (deployments, rollbacks, incidents, merged changes) and the DORA figures from them. */
export class DeliveryEvents {
  constructor(
    private readonly deps: ScorecardsDeps,
    private readonly portfolio: Portfolio,
  ) {}

  /**
   * Stores delivery events for entities that exist in the catalog; a pipeline calling with its
   * OIDC token may only report events of its own repository's entities.
   */
  async record(
    events: DeliveryEvent[],
    reporter: { caller: Caller; credentials: BackstageCredentials },
  ): Promise<{ stored: number; duplicates: number }> {
    const refs = [...new Set(events.map(e => e.entityRef))];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials: reporter.credentials },
    );
    const unknown = refs.filter((_, i) => !items[i]);
    if (unknown.length > 0) {
      throw new InputError(
        `Unknown entity refs, not in the catalog: ${unknown.join(', ')}`,
      );
    }
    for (const [i, entity] of items.entries()) {
      assertMayActFor(reporter.caller, refs[i], entity!);
    }
    const normalized = events.map(e => ({
      ...e,
      entityRef: stringifyEntityRef(items[refs.indexOf(e.entityRef)]!),
    }));
    return this.deps.store.recordDeliveryEvents(normalized);
  }

  /**
   * DORA figures over `[from, to)` and the window before it, for one entity or for every
   * entity with releases that matches the portfolio filters (owner, business process, ...).
   */
  async dora(
    options: {
      entityRef?: string;
      filter: PortfolioFilter;
      from: Date;
      to: Date;
    },
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<DoraTrend & { entityRefs: string[] }> {
    const { from, to } = options;
    if (!(from < to)) throw new InputError('from must be before to');
    if (options.entityRef) {
      await assertReadable(options.entityRef, access);
    }
    const entityRefs = options.entityRef
      ? [options.entityRef]
      : await this.portfolio.refs(options.filter, access);
    const span = to.getTime() - from.getTime();
    const events = await this.deps.store.listDeliveryEvents({
      entityRefs,
      from: new Date(from.getTime() - span - MAX_LEAD_TIME_MS),
      to,
    });
    return { entityRefs, ...computeDoraTrend({ events, from, to }) };
  }
}
