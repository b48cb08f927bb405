import { createHash } from 'node:crypto';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ReleaseTrainPlan } from '@waybill/plugin-dependency-map-common';
import { bestEffort } from '@waybill/plugin-waybill-node';

/** The notification topic of an unorderable train; it can be muted in the notification settings. */
export const TRAIN_TOPIC = 'Release train cannot be ordered';

/** The portal page that plans release trains, under the plugin's default mount point. */
const TRAIN_PAGE = '/dependency-map/release-train';

/**
 * Tells the author of a release train (the person who asked for its plan) when it cannot be
 * ordered: dependency cycles among its changes, or an API change its consumers cannot take.
 * Deployment tooling asking as a service names no author and is told by the answer alone. The
 * same train planned again updates the one notification (its scope is the train's changes).
 */
export async function notifyUnorderableTrain(
  options: { notifications: NotificationService; logger: LoggerService },
  credentials: BackstageCredentials,
  changes: Array<{ entityRef: string; version: string }>,
  plan: ReleaseTrainPlan,
): Promise<void> {
  const { principal } = credentials as BackstageCredentials<{
    type: string;
    userEntityRef?: string;
  }>;
  const incompatible = plan.incompatibilities.filter(
    i => i.status !== 'compatible',
  );
  if (
    principal.type !== 'user' ||
    !principal.userEntityRef ||
    (plan.blockers.length === 0 && incompatible.length === 0)
  ) {
    return;
  }
  const reasons = [
    ...plan.blockers.map(b => b.message),
    ...incompatible.map(i => i.message),
  ];
  const counted = [
    plan.blockers.length
      ? `${plan.blockers.length} dependency cycle${
          plan.blockers.length > 1 ? 's' : ''
        }`
      : '',
    incompatible.length
      ? `${incompatible.length} incompatible API${
          incompatible.length > 1 ? 's' : ''
        }`
      : '',
  ].filter(Boolean);
  const train = createHash('sha256')
    .update(
      JSON.stringify(
        changes
          .map(c => [c.entityRef, c.version])
          .sort((a, b) => a[0].localeCompare(b[0])),
      ),
    )
    .digest('hex')
    .slice(0, 16);
  await bestEffort(options.logger, 'release train notification', () =>
    options.notifications.send({
      recipients: { type: 'entity', entityRef: principal.userEntityRef! },
      payload: {
        title: `Release train of ${
          changes.length
        } changes cannot be ordered: ${counted.join(', ')}`,
        description: reasons.slice(0, 5).join('; '),
        link: TRAIN_PAGE,
        severity: 'high',
        topic: TRAIN_TOPIC,
        scope: `dependency-map:release-train:${train}`,
      },
    }),
  );
}
