import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { bestEffort } from '@waybill/plugin-waybill-node';
import {
  entityScorecardsChannel,
  ScorecardChangeCause,
  ScorecardEvaluation,
  ScorecardSignal,
} from '@waybill/plugin-scorecards-common';
import { entityTabLink } from '@waybill/plugin-waybill-common';

/** Notification topics of the plugin; each can be muted in the user's notification settings. */
export const SCORECARD_TOPICS = {
  gateChanged: 'Release gate changed',
  expiring: 'Override or waiver expiring',
} as const;

/** An override or waiver about to expire, and who is told. */
export interface Expiring {
  kind: 'override' | 'waiver';
  id: number;
  entityRef: string;
  /** The release (an override's) or the version range (a waiver's). */
  versions: string;
  environment: string;
  /** The check (and finding) a waiver accepts; none for an override. */
  what?: string;
  expiresAt: string;
  /** Who granted it: the override's actor, the waiver's approver. */
  grantedBy: string;
}

/** The portal page of an entity's scorecards, on one release when given. */
export function scorecardsPath(entityRef: string, version?: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return entityTabLink(
    `/catalog/${namespace}/${kind}/${name}`,
    'scorecards',
    version,
  );
}

/**
 * What the scorecards tell the portal: a signal on the entity's channel whenever a release is
 * scored again or its waivers or overrides change, so an open scorecards tab refetches; a
 * notification to the entity's owners when a release's gate for an environment changes decision
 * on an upload; and one to whoever granted an override or waiver, and the owners, when it is
 * about to expire. Telling is best effort: what cannot be sent is logged, never fails the
 * change it reports.
 */
export class ScorecardEvents {
  constructor(
    private readonly options: {
      signals: SignalsService;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** A release (or, with no version, the entity's waivers) changed: its tab refetches. */
  async changed(
    entityRef: string,
    version: string | null,
    cause: ScorecardChangeCause,
  ): Promise<void> {
    const message: ScorecardSignal = { entityRef, version, cause };
    await bestEffort(this.options.logger, `signal for ${entityRef}`, () =>
      this.options.signals.publish({
        recipients: { type: 'broadcast' },
        channel: entityScorecardsChannel(entityRef),
        message,
      }),
    );
  }

  /** A release was scored again: its owners hear of each gate whose decision changed. */
  async scored(
    key: { entityRef: string; version: string },
    previous: ScorecardEvaluation | undefined,
    current: ScorecardEvaluation,
  ): Promise<void> {
    if (!previous) return;
    const before = new Map(
      previous.gates.map(g => [g.environment, g.decision]),
    );
    const name = parseEntityRef(key.entityRef).name;
    for (const gate of current.gates) {
      const was = before.get(gate.environment);
      if (!was || was === gate.decision) continue;
      const titles = (enforcement: 'fail' | 'warn') =>
        gate.reasons
          .filter(r => r.enforcement === enforcement)
          .map(r => r.title)
          .join(', ');
      const description = {
        fail: `Blocked by: ${titles('fail')}.`,
        warn: `Allowed with warnings: ${titles('warn')}.`,
        pass: `Passes with score ${current.score} (${current.grade}).`,
      }[gate.decision];
      await bestEffort(
        this.options.logger,
        `gate notification for ${key.entityRef}`,
        () =>
          this.options.notifications.send({
            recipients: { type: 'entity', entityRef: key.entityRef },
            payload: {
              title: `${name} ${key.version}: ${gate.environment} gate ${was} → ${gate.decision}`,
              description,
              link: scorecardsPath(key.entityRef, key.version),
              severity: gate.decision === 'fail' ? 'high' : 'normal',
              topic: SCORECARD_TOPICS.gateChanged,
              scope: `scorecards:${key.entityRef}:${key.version}:gate:${gate.environment}`,
            },
          }),
      );
    }
  }

  /** An override or waiver expires soon: whoever granted it and the owners hear of it. */
  async expiring(item: Expiring): Promise<void> {
    const name = parseEntityRef(item.entityRef).name;
    const subject =
      item.kind === 'override'
        ? `the ${item.environment} gate override`
        : `the waiver of ${item.what} for ${item.environment}`;
    await bestEffort(
      this.options.logger,
      `expiry notification for ${item.kind} ${item.id}`,
      () =>
        this.options.notifications.send({
          recipients: {
            type: 'entity',
            entityRef: [
              item.entityRef,
              ...(/^user:/.test(item.grantedBy) ? [item.grantedBy] : []),
            ],
          },
          payload: {
            title: `${name} ${
              item.versions
            }: ${subject} expires ${item.expiresAt
              .slice(0, 16)
              .replace('T', ' ')} UTC`,
            description: `Granted by ${item.grantedBy}. When it expires, the gate decides from the evidence again.`,
            link: scorecardsPath(
              item.entityRef,
              item.kind === 'override' ? item.versions : undefined,
            ),
            severity: 'normal',
            topic: SCORECARD_TOPICS.expiring,
            scope: `scorecards:${item.kind}:${item.id}:expiring`,
          },
        }),
    );
  }
}
