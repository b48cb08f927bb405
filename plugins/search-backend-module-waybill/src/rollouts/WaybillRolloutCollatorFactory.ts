import { Readable } from 'node:stream';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  TenantRolloutsClient,
  type TenantRolloutsApi,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  WAYBILL_ROLLOUT_DOCUMENT_TYPE,
  type WaybillRolloutDocument,
} from '../documents';
import { serviceClientOptions, type CollatorServices } from '../serviceClients';
import { rolloutDocument } from './rolloutDocument';

/** The most rollouts `GET /rollouts` answers (the API's maximum), newest first. */
export const MAX_INDEXED_ROLLOUTS = 500;

/** How the rollout collator is made. */
export interface WaybillRolloutCollatorFactoryOptions extends CollatorServices {
  logger: LoggerService;
}

/**
 * Collates one `waybill-rollout` search document per tenant rollout, from the tenant-rollouts
 * backend's rollout list. The list has no pages: it answers the newest 500 rollouts at most, so
 * older ones are left out of the index, and a warning says so when the list is full. The call
 * carries the search plugin's own service token, so every rollout is listed with all of its
 * tenants; the search backend shows a rollout only to those who may read the released entity
 * (`catalog.entity.read`).
 */
export class WaybillRolloutCollatorFactory implements DocumentCollatorFactory {
  readonly type = WAYBILL_ROLLOUT_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  private readonly rollouts: TenantRolloutsApi;
  private readonly logger: LoggerService;

  constructor(options: WaybillRolloutCollatorFactoryOptions) {
    this.rollouts = new TenantRolloutsClient(
      serviceClientOptions('tenant-rollouts', options),
    );
    this.logger = options.logger;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<WaybillRolloutDocument> {
    const rollouts = await this.rollouts.listRollouts({
      limit: MAX_INDEXED_ROLLOUTS,
    });
    if (rollouts.length >= MAX_INDEXED_ROLLOUTS) {
      this.logger.warn(
        `The tenant-rollouts API lists the newest ${MAX_INDEXED_ROLLOUTS} rollouts only; older rollouts are not indexed for search`,
      );
    }
    for (const rollout of rollouts) {
      yield rolloutDocument(rollout);
    }
  }
}
