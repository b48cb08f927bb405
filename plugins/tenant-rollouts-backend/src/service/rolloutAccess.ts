import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  assertMayActFor,
  Caller,
  CatalogReadAccess,
} from '@waybill/plugin-waybill-node';
import {
  RolloutHead,
  RolloutRecord,
  RolloutStore,
} from '../database/RolloutStore';

/** Who acts, for the trail. */
export interface Actor {
  caller: Caller;
  /** Who the catalog is read as on the actor's behalf. */
  credentials?: BackstageCredentials;
  /** Which entities the actor may read; every entity when absent (the scheduler). */
  access?: CatalogReadAccess;
}

/** What an actor may read: their access, or everything for an actor without one (the scheduler). */
export function accessOf(actor?: Actor): CatalogReadAccess {
  return actor?.access ?? CatalogReadAccess.unrestricted;
}

/** A rollout, if there is one and the reader may read its entity; otherwise 404. */
export async function readableRollout(
  store: RolloutStore,
  id: number,
  access: CatalogReadAccess,
): Promise<RolloutRecord> {
  const record = await store.getRollout(id);
  if (!record || !(await access.mayRead(record.entityRef))) {
    throw new NotFoundError(`No rollout ${id}`);
  }
  return record;
}

/**
 * A rollout without its plan, with its status version, if there is one and the reader may read
 * its entity; otherwise 404.
 */
export async function readableRolloutHead(
  store: RolloutStore,
  id: number,
  access: CatalogReadAccess,
): Promise<RolloutHead> {
  const head = await store.getRolloutHead(id);
  if (!head || !(await access.mayRead(head.record.entityRef))) {
    throw new NotFoundError(`No rollout ${id}`);
  }
  return head;
}

/**
 * Whether the actor may act on a rollout of `entityRef` (see `assertMayActFor` of
 * waybill-node): a pipeline only for an entity whose catalog entry names its repository, read
 * with the actor's credentials (or given as `read`); a token of a non-pipeline external issuer
 * for none.
 *
 * @throws NotAllowedError naming the caller, the entity and why
 */
export async function assertActorMayActFor(
  catalog: CatalogService,
  entityRef: string,
  actor: Actor,
  read?: Entity,
): Promise<void> {
  const entity =
    read ??
    (actor.caller.type === 'pipeline' && actor.credentials
      ? await catalog.getEntityByRef(entityRef, {
          credentials: actor.credentials,
        })
      : undefined);
  assertMayActFor(actor.caller, entityRef, entity);
}
