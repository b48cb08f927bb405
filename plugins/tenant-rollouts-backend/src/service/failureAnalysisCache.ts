import { createHash } from 'node:crypto';
import {
  analyzeFailures,
  FailureAnalysis,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';
import { TenantStatusRecord } from '../database/RolloutStore';

/** Failure analyses kept in memory, most recently computed last. */
const ANALYSES_KEPT = 200;

/**
 * The failure analysis of a rollout's statuses. Its permutation test costs a few milliseconds
 * at thousands of tenants, and tens when a large share has failed, so the answer is kept per
 * rollout until a status changes (keyed by a digest of every tenant's status; the test is
 * seeded, so each replica computes the same answer).
 */
export class FailureAnalysisCache {
  private readonly analyses = new Map<
    number,
    { key: string; analysis: FailureAnalysis }
  >();

  analysis(
    rolloutId: number,
    statuses: TenantStatusRecord[],
    tenantByRef: Map<string, Tenant>,
  ): FailureAnalysis {
    const digest = createHash('sha1');
    for (const s of statuses) {
      digest.update(`${s.tenantRef}\u0000${s.status}\n`);
    }
    const key = digest.digest('base64');
    const cached = this.analyses.get(rolloutId);
    if (cached?.key === key) return cached.analysis;
    const analysis = analyzeFailures(
      statuses.flatMap(s => {
        const tenant = tenantByRef.get(s.tenantRef);
        return tenant ? [{ tenant, status: s.status }] : [];
      }),
    );
    this.analyses.delete(rolloutId);
    this.analyses.set(rolloutId, { key, analysis });
    if (this.analyses.size > ANALYSES_KEPT) {
      this.analyses.delete(this.analyses.keys().next().value!);
    }
    return analysis;
  }
}
