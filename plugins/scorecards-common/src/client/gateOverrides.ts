import type { EnvironmentGate } from '../policy/evaluate';
import type { GateOverride, ReleaseGate } from './types';

/** Whether an override still holds at `now`: until it expires or is revoked. */
export function isOverrideActive(
  override: Pick<GateOverride, 'expiresAt' | 'revokedAt'>,
  now: Date,
): boolean {
  return !override.revokedAt && Date.parse(override.expiresAt) > now.getTime();
}

/** The override letting a release through an environment's gate at `now`, if any: the newest active one. */
export function activeGateOverride(
  overrides: GateOverride[],
  environment: string,
  now: Date,
): GateOverride | null {
  return (
    overrides
      .filter(o => o.environment === environment && isOverrideActive(o, now))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0] ??
    null
  );
}

/**
 * A release's gate in one environment as a pipeline sees it (the policy's decision, passed by an
 * active override), with that override.
 */
export type EffectiveGate = ReleaseGate & { override: GateOverride | null };

/**
 * Every environment's effective gate of a release, in the policy's order; empty before any
 * evaluation. Only the evaluation's gate decisions are read, so a release's stored gates do.
 */
export function effectiveGates(
  release: {
    evaluation: {
      gates: ReadonlyArray<Pick<EnvironmentGate, 'environment' | 'decision'>>;
    } | null;
    overrides: GateOverride[];
  },
  now: Date,
): EffectiveGate[] {
  return (release.evaluation?.gates ?? []).map(gate => {
    const override = activeGateOverride(
      release.overrides,
      gate.environment,
      now,
    );
    return {
      environment: gate.environment,
      decision: override ? 'pass' : gate.decision,
      policyDecision: gate.decision,
      override,
    };
  });
}
