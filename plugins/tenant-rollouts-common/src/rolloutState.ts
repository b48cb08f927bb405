import {
  RolloutActionValues,
  RolloutStateValues,
  type TenantRolloutsSchemas as Schemas,
} from './schema/openapi.generated';

/** The state of a rollout (the spec's `RolloutState`). */
export type RolloutState = Schemas['RolloutState'];

/** Every state, in lifecycle order: the spec's `RolloutState` enum, as generated. */
export const ROLLOUT_STATES = RolloutStateValues;

/** What a person, a tool or the scheduler can do to a rollout (the spec's `RolloutAction`). */
export type RolloutAction = Schemas['RolloutAction'];

/** Every action, in lifecycle order: the spec's `RolloutAction` enum, as generated. */
export const ROLLOUT_ACTIONS = RolloutActionValues;

/** Where a rollout is: its state and the wave being deployed, out of how many. */
export interface RolloutPosition {
  state: RolloutState;
  currentWave: number;
  waveCount: number;
}

export type TransitionResult =
  | { ok: true; state: RolloutState; currentWave: number }
  | { ok: false; message: string };

/** The states each action may be taken from. */
export const ALLOWED_FROM: Record<RolloutAction, readonly RolloutState[]> = {
  start: ['planned'],
  advance: ['running'],
  pause: ['running'],
  resume: ['paused'],
  rollback: ['running', 'paused'],
  complete: ['running'],
};

/**
 * The rollout state machine, without the checks that need the world (wave health, gate, freeze
 * windows): which actions a state allows and where they lead. `start` deploys wave 0; `advance`
 * moves to the next wave and is refused on the last one, which is `complete`d instead.
 */
export function transition(
  position: RolloutPosition,
  action: RolloutAction,
): TransitionResult {
  const { state, currentWave, waveCount } = position;
  const allowed = ALLOWED_FROM[action];
  if (!allowed.includes(state)) {
    return {
      ok: false,
      message: `Cannot ${action} a rollout that is ${state}; ${action} needs ${allowed.join(
        ' or ',
      )}`,
    };
  }
  const last = waveCount - 1;
  switch (action) {
    case 'start':
      return { ok: true, state: 'running', currentWave: 0 };
    case 'advance':
      if (currentWave >= last) {
        return {
          ok: false,
          message: `Wave ${currentWave} is the last wave; complete the rollout instead of advancing`,
        };
      }
      return { ok: true, state: 'running', currentWave: currentWave + 1 };
    case 'pause':
      return { ok: true, state: 'paused', currentWave };
    case 'resume':
      return { ok: true, state: 'running', currentWave };
    case 'rollback':
      return { ok: true, state: 'rolled-back', currentWave };
    case 'complete':
      if (currentWave < last) {
        return {
          ok: false,
          message: `Wave ${currentWave} of ${waveCount} is deploying; advance through the last wave before completing`,
        };
      }
      return { ok: true, state: 'completed', currentWave };
    default:
      return { ok: false, message: `Unknown action ${action as string}` };
  }
}
