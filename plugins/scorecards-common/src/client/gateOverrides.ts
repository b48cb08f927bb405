import type { EnvironmentGate } from '../policy/evaluate';
import type { GateOverride, ReleaseGate, Waiver } from './types';
import { activeWaivers, gateAfterWaivers } from './waivers';

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
 * A release's gate in one environment as a pipeline sees it (the policy's decision, with the
 * checks active waivers accept left out, passed by an active override), with that override and
 * those waivers.
 */
export type EffectiveGate = ReleaseGate & {
  override: GateOverride | null;
  waivers: Waiver[];
};

/**
 * Every environment's effective gate of a release, in the policy's order; empty before any
 * evaluation. Waivers apply where the gates carry their reasons (and the release its version);
 * without them only the decisions are read, so a release's stored gates do.
 */
export function effectiveGates(
  release: {
    version?: string;
    evaluation: {
      gates: ReadonlyArray<
        Pick<EnvironmentGate, 'environment' | 'decision'> &
          Partial<Pick<EnvironmentGate, 'reasons'>>
      >;
    } | null;
    overrides: GateOverride[];
    waivers?: readonly Waiver[];
  },
  now: Date,
): EffectiveGate[] {
  return (release.evaluation?.gates ?? []).map(gate => {
    const override = activeGateOverride(
      release.overrides,
      gate.environment,
      now,
    );
    const waived =
      gate.reasons && release.version !== undefined && release.waivers
        ? gateAfterWaivers(
            { decision: gate.decision, reasons: gate.reasons },
            activeWaivers(
              release.waivers,
              { version: release.version, environment: gate.environment },
              now,
            ),
          )
        : { decision: gate.decision, waivers: [] };
    return {
      environment: gate.environment,
      decision: override ? 'pass' : waived.decision,
      policyDecision: gate.decision,
      override,
      waivers: waived.waivers,
    };
  });
}

/** Why effective gates differ from the policy's, per environment where an override or waivers apply. */
export function gateAdjustmentsOf(
  gates: readonly EffectiveGate[],
): Record<string, { overridden: boolean; waivers: number }> {
  return Object.fromEntries(
    gates
      .filter(g => g.override !== null || g.waivers.length > 0)
      .map(g => [
        g.environment,
        { overridden: g.override !== null, waivers: g.waivers.length },
      ]),
  );
}
