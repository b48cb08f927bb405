import { satisfies, valid, validRange } from 'semver';
import type { GateDecision } from '../policy/types';
import type { Waiver, WaiverStatus } from './types';

/** What a waiver's status is at `now`: revoked, expired, active once approved, else pending. */
export function waiverStatus(
  waiver: Pick<Waiver, 'revokedAt' | 'expiresAt' | 'approvedAt'>,
  now: Date,
): WaiverStatus {
  if (waiver.revokedAt) return 'revoked';
  if (Date.parse(waiver.expiresAt) <= now.getTime()) return 'expired';
  return waiver.approvedAt ? 'active' : 'pending';
}

/**
 * Whether a version range is one a waiver can name: one version as written, or a semver range
 * (`>=5.2.0 <5.3.0`, `5.2.x`).
 */
export function isVersionRange(range: string): boolean {
  return range.trim() !== '' && validRange(range.trim()) !== null;
}

/**
 * Whether a waiver's versions include a release's: the same version as written, or a semver
 * version the range satisfies (pre-releases only when the range names one).
 */
export function coversVersion(range: string, version: string): boolean {
  if (range.trim() === version) return true;
  return valid(version) !== null && satisfies(version, range.trim());
}

/** The waivers applying to a release's gate in one environment at `now`: active, and covering it. */
export function activeWaivers(
  waivers: readonly Waiver[],
  release: { version: string; environment: string },
  now: Date,
): Waiver[] {
  return waivers.filter(
    w =>
      w.environment === release.environment &&
      waiverStatus(w, now) === 'active' &&
      coversVersion(w.versionRange, release.version),
  );
}

/**
 * A gate with the checks that active waivers accept left out: the reasons that remain, and the
 * decision they make (`fail` while a blocking check remains, `warn` while a warning does, else
 * `pass`), with the waivers that applied (those naming a check among the reasons).
 */
export function gateAfterWaivers<
  R extends { checkId: string; enforcement: 'fail' | 'warn' },
>(
  gate: { decision: GateDecision; reasons: readonly R[] },
  waivers: readonly Waiver[],
): { decision: GateDecision; reasons: R[]; waivers: Waiver[] } {
  const applied = waivers.filter(w =>
    gate.reasons.some(r => r.checkId === w.checkId),
  );
  if (applied.length === 0) {
    return { decision: gate.decision, reasons: [...gate.reasons], waivers: [] };
  }
  const waived = new Set(applied.map(w => w.checkId));
  const reasons = gate.reasons.filter(r => !waived.has(r.checkId));
  let decision: GateDecision = 'pass';
  if (reasons.some(r => r.enforcement === 'fail')) decision = 'fail';
  else if (reasons.length > 0) decision = 'warn';
  return { decision, reasons, waivers: applied };
}
