import type { GateDecision } from '../policy/types';

/**
 * What a release's gates say together, the one verdict shown beside its grade so that a
 * well-graded release that is blocked never looks healthy.
 */
export interface ReleaseVerdict {
  /**
   * `blocked`: some gate fails; `warns`: none fails and some warns; `clear`: every gate passes;
   * `unevaluated`: the release has no gates yet.
   */
  state: 'blocked' | 'warns' | 'clear' | 'unevaluated';
  /** The environments behind the state: the failing ones, or the warning ones. */
  environments: string[];
  /** In words: `Blocked for staging and production`, `Warns for staging`, `Passes every gate`. */
  text: string;
}

/** `a`, `a and b`, `a, b and c`. */
function inWords(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The verdict of a release's effective gates (after overrides: pass what `effectiveGates` or a
 * release summary gives), in the policy's order of environments.
 */
export function releaseVerdict(
  gates: ReadonlyArray<{ environment: string; decision: GateDecision }>,
): ReleaseVerdict {
  if (gates.length === 0) {
    return { state: 'unevaluated', environments: [], text: 'Not evaluated' };
  }
  const failing = gates.filter(g => g.decision === 'fail');
  if (failing.length > 0) {
    const environments = failing.map(g => g.environment);
    return {
      state: 'blocked',
      environments,
      text: `Blocked for ${inWords(environments)}`,
    };
  }
  const warning = gates.filter(g => g.decision === 'warn');
  if (warning.length > 0) {
    const environments = warning.map(g => g.environment);
    return {
      state: 'warns',
      environments,
      text: `Warns for ${inWords(environments)}`,
    };
  }
  return { state: 'clear', environments: [], text: 'Passes every gate' };
}
