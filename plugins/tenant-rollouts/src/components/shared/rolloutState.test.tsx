import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ROLLOUT_STATES } from '@waybill/plugin-tenant-rollouts-common';
import { RolloutStateChip } from './rolloutState';

describe('RolloutStateChip', () => {
  it('names the state and gives every state its own colour', async () => {
    await renderInTestApp(
      <>
        {ROLLOUT_STATES.map(state => (
          <RolloutStateChip key={state} state={state} />
        ))}
      </>,
    );
    const colours = ROLLOUT_STATES.map(
      state => screen.getByText(state).style.background,
    );
    expect(colours.every(Boolean)).toBe(true);
    expect(new Set(colours).size).toBe(ROLLOUT_STATES.length);
  });
});
