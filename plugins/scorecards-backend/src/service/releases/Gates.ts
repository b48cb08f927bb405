import {
  activeGateOverride,
  activeWaivers,
  GateAnswer,
  gateAfterWaivers,
} from '@waybill/plugin-scorecards-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { GateOverride, ReleaseKey } from '../../database/types';
import {
  assertReadable,
  nowOf,
  requireEnvironment,
  requireExpiry,
  ScorecardsDeps,
} from '../deps';
import { Waivers } from '../waivers/Waivers';

/**
 * A release nobody has uploaded evidence for is not promotable; the gate says so as a decision,
 * with the reason and what to do, as for any failing check.
 */
function noEvidenceAnswer(key: ReleaseKey, environment: string): GateAnswer {
  return {
    ...key,
    environment,
    decision: 'fail',
    policyDecision: 'fail',
    reasons: [
      {
        checkId: 'release-evidence',
        title: 'Release evidence',
        status: 'missing',
        enforcement: 'fail',
        reason: `No evidence has been uploaded for ${key.entityRef} ${key.version}`,
        fixHint:
          "Upload the pipeline's test results, coverage, scans, SBOM and readiness document for this version (POST .../releases/{version}/evidence/{kind}) before asking the gate.",
      },
    ],
    override: null,
    waivers: [],
    score: null,
    grade: null,
  };
}

/**
 * Gates: whether a release may be promoted to an environment, with the checks active waivers
 * accept left out, and the overrides that let it through.
 */
export class Gates {
  private readonly waivers: Waivers;

  constructor(private readonly deps: ScorecardsDeps) {
    this.waivers = new Waivers(deps);
  }

  /**
   * Whether a release may be promoted to an environment, from the stored evaluation; `segments`
   * are the tenant segments it is about to be delivered to, for waivers scoped to one.
   */
  async answer(
    key: ReleaseKey,
    environment: string,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
    segments: readonly string[] = [],
  ): Promise<GateAnswer> {
    requireEnvironment(this.deps.config, environment);
    await assertReadable(key.entityRef, access);
    const release = await this.deps.store.getGateState(key);
    const gate = release?.evaluation?.gates.find(
      g => g.environment === environment,
    );
    if (!release || !gate) return noEvidenceAnswer(key, environment);
    const now = nowOf(this.deps);
    const override = activeGateOverride(release.overrides, environment, now);
    const waived = gateAfterWaivers(
      gate,
      activeWaivers(
        await this.waivers.ofEntity(key.entityRef, 'active'),
        { version: key.version, environment, segments },
        now,
      ),
    );
    return {
      ...key,
      environment,
      decision: override ? 'pass' : waived.decision,
      policyDecision: gate.decision,
      reasons: waived.reasons,
      override,
      waivers: waived.waivers,
      score: release.evaluation!.score,
      grade: release.evaluation!.grade,
    };
  }

  /** Lets a release through one environment's gate until the override expires. */
  async override(
    key: ReleaseKey,
    request: {
      environment: string;
      reason: string;
      expiresAt: string;
      actor: string;
    },
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<GateOverride> {
    requireEnvironment(this.deps.config, request.environment);
    await assertReadable(key.entityRef, access);
    requireExpiry(request.expiresAt, {
      now: nowOf(this.deps),
      maxDays: this.deps.config.maxOverrideDays,
      what: 'an override',
      setting: 'scorecards.overrides.maxDurationDays',
    });
    const override = await this.deps.store.addOverride(key, request);
    await this.deps.events.changed(key.entityRef, key.version, 'override');
    return override;
  }

  /** Ends an active override now; it stays on the release's record, revoked. */
  async revoke(
    key: ReleaseKey,
    request: {
      environment: string;
      overrideId: number;
      reason: string;
      actor: string;
    },
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<GateOverride> {
    requireEnvironment(this.deps.config, request.environment);
    await assertReadable(key.entityRef, access);
    const revoked = await this.deps.store.revokeOverride(key, {
      ...request,
      at: nowOf(this.deps),
    });
    await this.deps.events.changed(key.entityRef, key.version, 'override');
    return revoked;
  }
}
