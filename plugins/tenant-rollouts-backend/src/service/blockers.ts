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

/**
 * Tenants a blocker lists when it is shown (see blockerShownTo); `unlisted` counts the others the
 * reader may read. A wave of 20,000 tenants would otherwise list thousands on every board read.
 */
export const LISTED_TENANTS = 20;

/** A blocker without its message, which is written from the rest, nor `unlisted`. */
type Parts<B extends Blocker> = Omit<B, 'kind' | 'message' | 'unlisted'>;

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

/**
 * Too few of the current wave's tenants are healthy; `tenants` are the failing ones named, every
 * one of them until the blocker is shown to a reader (see blockerShownTo).
 */
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
    unlisted: 0,
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

/**
 * Tenants of the wave an action starts are in freeze windows; `tenants` are those named, every
 * one of them until the blocker is shown to a reader (see blockerShownTo).
 */
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
    unlisted: 0,
  };
}

/** A blocker listing its first LISTED_TENANTS tenants, and counting the rest as `unlisted`. */
function listed<B extends HealthBlocker | FreezeBlocker>(blocker: B): B {
  const { tenants } = blocker;
  return {
    ...blocker,
    tenants: tenants.slice(0, LISTED_TENANTS),
    unlisted: Math.max(0, tenants.length - LISTED_TENANTS),
  };
}

/**
 * A blocker as it is answered to a reader who may read only the tenants `named` (every tenant
 * when absent): a health or freeze blocker names only those, counts the others, and lists the
 * first LISTED_TENANTS of those it names; its message is written from all it names. The action
 * is refused on all of them, so it says that tenants they cannot see hold it, without saying
 * which. Give it a blocker as built here (naming every tenant), once.
 */
export function blockerShownTo(
  blocker: Blocker,
  named?: ReadonlySet<string>,
): Blocker {
  const shown = <T extends { ref: string }>(tenants: T[]) =>
    named ? tenants.filter(t => named.has(t.ref)) : tenants;
  switch (blocker.kind) {
    case 'health': {
      const {
        kind: _kind,
        message: _message,
        unlisted: _u,
        ...parts
      } = blocker;
      return listed(healthBlocker({ ...parts, tenants: shown(parts.tenants) }));
    }
    case 'freeze': {
      const {
        kind: _kind,
        message: _message,
        unlisted: _u,
        ...parts
      } = blocker;
      return listed(freezeBlocker({ ...parts, tenants: shown(parts.tenants) }));
    }
    default:
      return blocker;
  }
}
