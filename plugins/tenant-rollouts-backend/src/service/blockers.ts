import {
  BakeBlocker,
  Blocker,
  FreezeBlocker,
  GateBlocker,
  HealthBlocker,
  WaveRef,
} from '@waybill/plugin-tenant-rollouts-common';
import { GateResult } from './gate';

/*
 * The blockers of the spec, each built from its parts, its `message` written from them: one
 * sentence naming tenants, waves and windows by title, for logs and pipelines. A view for people
 * reads the parts instead (times in its reader's zone, links).
 */

/** Tenants a message names before "...". */
const NAMED_TENANTS = 10;

/** A blocker without its message, which is written from the rest. */
type Parts<B extends Blocker> = Omit<B, 'kind' | 'message'>;

const waveName = (wave: WaveRef) => `wave ${wave.index} (${wave.name})`;

/** Up to ten names, then "...", then how many there are that the reader may not read. */
function listOf(names: string[], hidden: number): string {
  return [
    ...names.slice(0, NAMED_TENANTS),
    ...(names.length > NAMED_TENANTS ? ['...'] : []),
    ...(hidden > 0 ? [`${hidden} you may not read`] : []),
  ].join(', ');
}

/** The scorecards gate holds the release back. */
export function gateBlocker(gate: GateResult): GateBlocker {
  return { kind: 'gate', message: gate.message, gate };
}

/** Too few of the current wave's tenants are healthy; `tenants` are the failing ones named. */
export function healthBlocker(parts: Parts<HealthBlocker>): HealthBlocker {
  const { wave, healthy, total, needed, healthThreshold, failing, tenants } =
    parts;
  const failures =
    failing > 0
      ? `; ${failing} failing: ${listOf(
          tenants.map(t => t.title),
          failing - tenants.length,
        )}`
      : '';
  return {
    kind: 'health',
    message: `Wave ${wave.index} (${
      wave.name
    }) is ${healthy} of ${total} healthy; it needs ${needed} (${Math.round(
      healthThreshold * 100,
    )}%)${failures}`,
    ...parts,
  };
}

/** The current wave bakes until `until`. */
export function bakeBlocker(parts: Parts<BakeBlocker>): BakeBlocker {
  const { wave, bakeMinutes, lastChangeAt, until } = parts;
  return {
    kind: 'bake',
    message: `Wave ${wave.index} (${wave.name}) bakes for ${bakeMinutes} minutes after its last status change (${lastChangeAt}); it has baked at ${until}`,
    ...parts,
  };
}

/** Tenants of the wave an action starts are in freeze windows; `tenants` are those named. */
export function freezeBlocker(parts: Parts<FreezeBlocker>): FreezeBlocker {
  const { wave, frozen, tenants } = parts;
  const named = tenants.map(
    t =>
      `${t.title} (${t.windows.map(w => w.title).join(', ')}; opens ${
        t.opensAt
      })`,
  );
  return {
    kind: 'freeze',
    message: `${frozen} tenant(s) of ${waveName(
      wave,
    )} are in a freeze window and are held back: ${listOf(
      named,
      frozen - tenants.length,
    )}`,
    ...parts,
  };
}

/**
 * A blocker as a reader sees it who may read only the tenants `named`: a health or freeze
 * blocker names only those and counts the others. The action is refused on all of them, so it
 * says that tenants they cannot see hold it, without saying which.
 */
export function blockerShownTo(
  blocker: Blocker,
  named: ReadonlySet<string>,
): Blocker {
  const shown = <T extends { ref: string }>(tenants: T[]) =>
    tenants.filter(t => named.has(t.ref));
  switch (blocker.kind) {
    case 'health': {
      const { kind: _kind, message: _message, ...parts } = blocker;
      return healthBlocker({ ...parts, tenants: shown(parts.tenants) });
    }
    case 'freeze': {
      const { kind: _kind, message: _message, ...parts } = blocker;
      return freezeBlocker({ ...parts, tenants: shown(parts.tenants) });
    }
    default:
      return blocker;
  }
}
