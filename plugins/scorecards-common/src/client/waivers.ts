import { satisfies, valid, validRange } from 'semver';
import type { CountedFindings } from '../policy/evaluate';
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

/**
 * Whether a waiver applies to a delivery to `segments`: one without a tenant segment applies to
 * every delivery; one scoped to a segment only when the delivery goes to that segment alone
 * (`segments` given, every one of them its own).
 */
export function coversSegments(
  waiver: Pick<Waiver, 'tenantSegment'>,
  segments: readonly string[] = [],
): boolean {
  if (!waiver.tenantSegment) return true;
  return segments.length > 0 && segments.every(s => s === waiver.tenantSegment);
}

/**
 * The waivers applying to a release's gate in one environment at `now`: active, covering its
 * version and, for a waiver scoped to a tenant segment, the segments it is delivered to.
 */
export function activeWaivers(
  waivers: readonly Waiver[],
  release: {
    version: string;
    environment: string;
    segments?: readonly string[];
  },
  now: Date,
): Waiver[] {
  return waivers.filter(
    w =>
      w.environment === release.environment &&
      waiverStatus(w, now) === 'active' &&
      coversVersion(w.versionRange, release.version) &&
      coversSegments(w, release.segments),
  );
}

/**
 * Whether finding waivers accept enough of a failing check's findings for it to pass: the
 * findings it counted, less the waived ones, within what it allows.
 */
function findingsWaived(
  findings: CountedFindings | undefined,
  waived: ReadonlySet<string>,
): boolean {
  if (!findings || waived.size === 0) return false;
  const remaining = findings.counted
    .filter(f => !waived.has(f.id))
    .reduce((sum, f) => sum + f.count, 0);
  return remaining <= findings.allowed;
}

/**
 * A gate with the checks that active waivers accept left out: a waiver of a whole check leaves
 * it out; waivers of findings leave a check out when the findings it counted, less the waived
 * ones, are within what it allows. The reasons that remain make the decision (`fail` while a
 * blocking check remains, `warn` while a warning does, else `pass`); the waivers that applied
 * are those that left a check out.
 */
export function gateAfterWaivers<
  R extends {
    checkId: string;
    enforcement: 'fail' | 'warn';
    findings?: CountedFindings;
  },
>(
  gate: { decision: GateDecision; reasons: readonly R[] },
  waivers: readonly Waiver[],
): { decision: GateDecision; reasons: R[]; waivers: Waiver[] } {
  const applied: Waiver[] = [];
  const reasons = gate.reasons.filter(reason => {
    const ofCheck = waivers.filter(w => w.checkId === reason.checkId);
    const whole = ofCheck.filter(w => !w.finding);
    if (whole.length > 0) {
      applied.push(...whole);
      return false;
    }
    const counted = new Set(reason.findings?.counted.map(f => f.id) ?? []);
    const byFinding = ofCheck.filter(w => w.finding && counted.has(w.finding));
    if (
      findingsWaived(reason.findings, new Set(byFinding.map(w => w.finding!)))
    ) {
      applied.push(...byFinding);
      return false;
    }
    return true;
  });
  if (applied.length === 0) {
    return { decision: gate.decision, reasons: [...gate.reasons], waivers: [] };
  }
  let decision: GateDecision = 'pass';
  if (reasons.some(r => r.enforcement === 'fail')) decision = 'fail';
  else if (reasons.length > 0) decision = 'warn';
  return { decision, reasons, waivers: applied };
}
