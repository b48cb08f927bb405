import {
  ROLLOUT_ACTIONS,
  ROLLOUT_STATES,
  RolloutAction,
  RolloutState,
  transition,
} from './rolloutState';

describe('transition', () => {
  const at = (state: RolloutState, currentWave = 0, waveCount = 3) => ({
    state,
    currentWave,
    waveCount,
  });

  it('walks a rollout from planned through every wave to completed', () => {
    let position = at('planned');
    const steps: RolloutAction[] = [
      'start',
      'advance',
      'pause',
      'resume',
      'advance',
      'complete',
    ];
    const seen: string[] = [];
    for (const action of steps) {
      const result = transition(position, action);
      if (!result.ok) throw new Error(result.message);
      position = { ...position, ...result };
      seen.push(`${result.state}@${result.currentWave}`);
    }
    expect(seen).toEqual([
      'running@0',
      'running@1',
      'paused@1',
      'running@1',
      'running@2',
      'completed@2',
    ]);
  });

  it('refuses to advance past the last wave, and to complete before it', () => {
    expect(transition(at('running', 2), 'advance')).toEqual({
      ok: false,
      message: expect.stringContaining('last wave'),
    });
    expect(transition(at('running', 1), 'complete')).toEqual({
      ok: false,
      message: expect.stringContaining('advance through the last wave'),
    });
  });

  it('allows rollback while running or paused only', () => {
    expect(transition(at('paused', 1), 'rollback')).toMatchObject({
      ok: true,
      state: 'rolled-back',
      currentWave: 1,
    });
    expect(transition(at('completed', 2), 'rollback')).toMatchObject({
      ok: false,
      message:
        'Cannot rollback a rollout that is completed; rollback needs running or paused',
    });
  });

  it('has no way out of rolled-back and completed', () => {
    for (const state of ['rolled-back', 'completed'] as const) {
      for (const action of ROLLOUT_ACTIONS) {
        expect(transition(at(state, 2), action).ok).toBe(false);
      }
    }
  });

  it('never leaves the wave range', () => {
    const waves = ROLLOUT_STATES.flatMap(state =>
      [0, 1, 2, 3].flatMap(wave =>
        ROLLOUT_ACTIONS.flatMap(action => {
          const result = transition(at(state, wave, 4), action);
          return result.ok ? [result.currentWave] : [];
        }),
      ),
    );
    expect(waves.length).toBeGreaterThan(0);
    expect(waves.every(w => w >= 0 && w < 4)).toBe(true);
  });
});
