import { InputError, NotAllowedError } from '@backstage/errors';
import {
  countsFindings,
  isVersionRange,
  Waiver,
  WaiverStatus,
} from '@waybill/plugin-scorecards-common';
import { normalizeEntityRef } from '@waybill/plugin-waybill-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import {
  assertReadable,
  nowOf,
  requireEnvironment,
  requireExpiry,
  ScorecardsDeps,
  scopeOf,
} from '../deps';

/** The most waivers one entity's gate reads; far more than any entity should hold. */
const ENTITY_WAIVER_LIMIT = 1000;

/** What a person asks to waive. */
export interface WaiverRequest {
  entityRef: string;
  versionRange: string;
  environment: string;
  checkId: string;
  /** One finding the check counts (a vulnerability or SARIF rule id), to accept only it. */
  finding?: string;
  /** The only tenant segment whose deliveries it applies to. */
  tenantSegment?: string;
  reason: string;
  expiresAt: string;
}

/**
 * Waivers: one failing check of an entity's releases accepted in one environment until an
 * expiry. A person asks; another person holding `scorecards.waiver.approve` approves; the
 * requester or an approver may revoke. Revoked and expired waivers stay on record.
 */
export class Waivers {
  constructor(private readonly deps: ScorecardsDeps) {}

  /** Records a request, pending approval, after checking every field names what exists. */
  async request(
    request: WaiverRequest,
    requestedBy: string,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<Waiver> {
    const entityRef = normalizeEntityRef(request.entityRef);
    await assertReadable(entityRef, access);
    requireEnvironment(this.deps.config, request.environment);
    const { policy, maxWaiverDays } = this.deps.config;
    const check = policy.checks.find(c => c.id === request.checkId);
    if (!check) {
      throw new InputError(
        `body.checkId: ${
          request.checkId
        } is not a check of the policy (${policy.checks
          .map(c => c.id)
          .join(', ')})`,
      );
    }
    const finding = request.finding?.trim() || undefined;
    if (finding !== undefined && !countsFindings(check.fact)) {
      throw new InputError(
        `body.finding: ${check.id} tests ${check.fact}, which counts no findings; waive the whole check instead`,
      );
    }
    const versionRange = request.versionRange.trim();
    if (!isVersionRange(versionRange)) {
      throw new InputError(
        `body.versionRange: ${request.versionRange} is neither a version nor a semver range (e.g. 5.2.0, >=5.2.0 <5.3.0)`,
      );
    }
    const now = nowOf(this.deps);
    const expiresAt = requireExpiry(request.expiresAt, {
      now,
      maxDays: maxWaiverDays,
      what: 'a waiver',
      setting: 'scorecards.waivers.maxDurationDays',
    });
    return this.told(
      await this.deps.store.addWaiver(
        {
          entityRef,
          versionRange,
          environment: request.environment,
          checkId: request.checkId,
          finding,
          tenantSegment: request.tenantSegment?.trim() || undefined,
          reason: request.reason,
          expiresAt: expiresAt.toISOString(),
          requestedBy,
        },
        now,
      ),
    );
  }

  /** Approves another person's pending waiver: from now it applies, until it expires. */
  async approve(
    id: number,
    approver: string,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<Waiver> {
    await this.readable(id, access);
    return this.told(
      await this.deps.store.approveWaiver(
        id,
        { actor: approver, at: nowOf(this.deps) },
        current => {
          if (current.requestedBy === approver) {
            throw new NotAllowedError(
              `Waiver ${id} was asked for by ${approver}, who may not approve it: another person holding scorecards.waiver.approve must`,
            );
          }
        },
      ),
    );
  }

  /** Ends a waiver now: the requester may, and so may whoever may approve waivers. */
  async revoke(
    id: number,
    revocation: { actor: string; reason: string; mayApprove: boolean },
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<Waiver> {
    await this.readable(id, access);
    return this.told(
      await this.deps.store.revokeWaiver(
        id,
        {
          actor: revocation.actor,
          reason: revocation.reason,
          at: nowOf(this.deps),
        },
        current => {
          if (
            current.requestedBy !== revocation.actor &&
            !revocation.mayApprove
          ) {
            throw new NotAllowedError(
              `Waiver ${id} may be revoked by ${current.requestedBy}, who asked for it, or by a holder of scorecards.waiver.approve`,
            );
          }
        },
      ),
    );
  }

  /** A waiver changed: its entity's scorecards tab is told. */
  private async told(waiver: Waiver): Promise<Waiver> {
    await this.deps.events.changed(waiver.entityRef, null, 'waiver');
    return waiver;
  }

  /** The waivers of the entities a reader may read, newest first (or soonest to expire). */
  async list(
    query: {
      entityRef?: string;
      status?: WaiverStatus;
      expiringWithinDays?: number;
      limit: number;
    },
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<Waiver[]> {
    let entityRefs = await scopeOf(this.deps.store, access);
    if (query.entityRef !== undefined) {
      const entityRef = normalizeEntityRef(query.entityRef);
      await assertReadable(entityRef, access);
      entityRefs = [entityRef];
    }
    return this.deps.store.listWaivers(
      {
        entityRefs,
        status: query.status,
        expiringWithinDays: query.expiringWithinDays,
        limit: query.limit,
      },
      nowOf(this.deps),
    );
  }

  /** One entity's waivers (of one status, if given), with their status now: what its gates read. */
  ofEntity(entityRef: string, status?: WaiverStatus): Promise<Waiver[]> {
    return this.deps.store.listWaivers(
      { entityRefs: [entityRef], status, limit: ENTITY_WAIVER_LIMIT },
      nowOf(this.deps),
    );
  }

  /** A waiver the reader may see (its entity readable), else 404 as for none. */
  private async readable(id: number, access: CatalogReadAccess): Promise<void> {
    const waiver = await this.deps.store.getWaiver(id, nowOf(this.deps));
    await assertReadable(waiver.entityRef, access);
  }
}
