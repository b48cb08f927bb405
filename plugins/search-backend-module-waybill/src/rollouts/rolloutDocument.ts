import {
  rolloutBoardPath,
  type RolloutSummary,
} from '@waybill/plugin-tenant-rollouts-common';
import type { WaybillRolloutDocument } from '../documents';
import { counted, displayName } from '../refs';

/** Where the rollout's waves are: `running, wave 2 of 4`, `planned, 4 waves`, `completed, 4 waves`. */
export function wavesText(rollout: RolloutSummary): string {
  const { state, currentWave, waveCount } = rollout;
  const position = `wave ${currentWave + 1} of ${waveCount}`;
  switch (state) {
    case 'running':
    case 'paused':
      return `${state}, ${position}`;
    case 'rolled-back':
      return `${state} at ${position}`;
    default:
      return `${state}, ${counted(waveCount, 'wave')}`;
  }
}

/** Who planned a rollout: a person by name (`release-manager`), a pipeline or service by its subject. */
function plannerName(subject: string): string {
  return subject.startsWith('user:') ? displayName(subject) : subject;
}

/**
 * The search document of one rollout: titled `inventory 5.2.0 rollout`, with its environment,
 * status, waves and tenant count as text, linked to its board, and visible to those who may
 * read the released entity.
 */
export function rolloutDocument(
  rollout: RolloutSummary,
): WaybillRolloutDocument {
  const release = `${displayName(rollout.entityRef)} ${rollout.version}`;
  const text = [
    `Rollout of ${release} to ${rollout.environment}: ${wavesText(rollout)}`,
    `${counted(rollout.tenantCount, 'tenant')}`,
    `Planned by ${plannerName(rollout.createdBy)}`,
  ];
  return {
    title: `${release} rollout`,
    text: `${text.join('. ')}.`,
    location: rolloutBoardPath(rollout.id),
    authorization: { resourceRef: rollout.entityRef },
    rolloutId: rollout.id,
    entityRef: rollout.entityRef,
    version: rollout.version,
    environment: rollout.environment,
    status: rollout.state,
  };
}
