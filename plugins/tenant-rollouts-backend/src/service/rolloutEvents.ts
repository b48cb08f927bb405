import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { bestEffort } from '@waybill/plugin-waybill-node';
import {
  Blocker,
  rolloutBoardPath,
  rolloutChannel,
  RolloutChangeCause,
  ROLLOUTS_CHANNEL,
  RolloutSignal,
} from '@waybill/plugin-tenant-rollouts-common';
import { RolloutRecord, RolloutStore } from '../database/RolloutStore';

/** Notification topics of the plugin; each can be muted in the user's notification settings. */
export const ROLLOUT_TOPICS = {
  held: 'Rollout held',
  waveFailing: 'Rollout wave failing',
} as const;

/** The blockers that hold a rollout (a wave still baking is not held, only waiting). */
const HOLDING_KINDS: ReadonlySet<Blocker['kind']> = new Set([
  'freeze',
  'gate',
  'health',
]);

/**
 * What the rollouts tell the portal as they change: a signal on the rollout's channel and the
 * list's after every change, so open boards refetch instead of polling; and a notification to
 * the rollout's creator and the service's owners when it is held (by a freeze window, the gate
 * or wave health) or a wave starts failing. Each alert is sent once, across replicas and
 * scheduler passes, until an action moves the rollout on (see RolloutStore.recordAlert). Telling
 * is best effort: a signal or notification that cannot be sent is logged, never fails the
 * change it reports.
 */
export class RolloutEvents {
  constructor(
    private readonly options: {
      store: RolloutStore;
      signals: SignalsService;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** A rollout changed: its board and the rollouts list refetch. */
  async changed(rolloutId: number, cause: RolloutChangeCause): Promise<void> {
    const message: RolloutSignal = { rolloutId, cause };
    await bestEffort(
      this.options.logger,
      `signal for rollout ${rolloutId}`,
      () =>
        Promise.all(
          [rolloutChannel(rolloutId), ROLLOUTS_CHANNEL].map(channel =>
            this.options.signals.publish({
              recipients: { type: 'broadcast' },
              channel,
              message: { ...message },
            }),
          ),
        ),
    );
  }

  /** The scheduler could not move a rollout on: notify when freeze, gate or health holds it. */
  async held(record: RolloutRecord, blockers: Blocker[]): Promise<void> {
    const holding = blockers.filter(b => HOLDING_KINDS.has(b.kind));
    if (holding.length === 0) return;
    const kinds = [...new Set(holding.map(b => b.kind))].sort();
    const signature = `held:${record.currentWave}:${kinds.join(',')}`;
    await this.alert(record, signature, {
      title: `${releaseOf(record)} rollout held: ${kinds.join(', ')}`,
      description: holding.map(b => b.message).join(' '),
      topic: ROLLOUT_TOPICS.held,
      severity: 'high',
    });
  }

  /** Tenants of the current wave reported failed. */
  async waveFailing(record: RolloutRecord, failed: string[]): Promise<void> {
    if (failed.length === 0) return;
    const wave = record.currentWave;
    const named = failed.slice(0, 5).join(', ');
    await this.alert(record, `failing:${wave}`, {
      title: `${releaseOf(record)} rollout: wave ${wave} failing`,
      description: `${failed.length} tenant${
        failed.length > 1 ? 's' : ''
      } of wave ${wave} reported failed: ${named}${
        failed.length > 5 ? ', …' : ''
      }.`,
      topic: ROLLOUT_TOPICS.waveFailing,
      severity: 'critical',
    });
  }

  private async alert(
    record: RolloutRecord,
    signature: string,
    payload: {
      title: string;
      description: string;
      topic: string;
      severity: 'critical' | 'high';
    },
  ): Promise<void> {
    if (!(await this.options.store.recordAlert(record.id, signature))) return;
    await bestEffort(
      this.options.logger,
      `notification "${payload.title}"`,
      () =>
        this.options.notifications.send({
          recipients: { type: 'entity', entityRef: recipientsOf(record) },
          payload: {
            ...payload,
            link: rolloutBoardPath(record.id),
            scope: `${rolloutChannel(record.id)}:${signature}`,
          },
        }),
    );
  }
}

function releaseOf(record: RolloutRecord): string {
  return `${parseEntityRef(record.entityRef).name} ${record.version} (${
    record.environment
  })`;
}

/** The service (its owners) and the rollout's creator when a person created it. */
function recipientsOf(record: RolloutRecord): string[] {
  const creator = /^user:[^/]+\/.+$/.test(record.createdBy)
    ? [record.createdBy]
    : [];
  return [record.entityRef, ...creator];
}
