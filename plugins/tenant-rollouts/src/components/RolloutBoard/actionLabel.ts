import {
  NextAction,
  RolloutAction,
  RolloutView,
} from '@waybill/plugin-tenant-rollouts-common';

/** The label of an action's button, naming the wave it deploys. */
export function actionLabel(
  action: Pick<NextAction, 'action' | 'wave'>,
  view: RolloutView,
): string {
  const wave =
    action.wave ??
    (action.action === 'start'
      ? view.waves[0]
      : view.waves[view.currentWave + 1]);
  switch (action.action) {
    case 'start':
      return `Start wave 0 (${wave?.name})`;
    case 'advance':
      return `Advance to wave ${wave?.index} (${wave?.name})`;
    case 'complete':
      return 'Complete';
    case 'rollback':
      return 'Roll back';
    default:
      return (
        action.action[0].toLocaleUpperCase('en-US') + action.action.slice(1)
      );
  }
}

/** The actions that move a rollout forward, the first of which that can succeed leads. */
export const FORWARD_ACTIONS: readonly RolloutAction[] = [
  'start',
  'resume',
  'advance',
  'complete',
];
