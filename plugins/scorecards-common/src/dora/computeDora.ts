import {
  buildDeliveryHistory,
  DeliveryHistory,
  EntityHistory,
  shipsSameRelease,
} from './deliveryHistory';
import {
  DEFAULT_PRODUCTION_ENVIRONMENT,
  DoraBand,
  DoraFigures,
  DoraInput,
  DoraTrend,
} from './types';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Deployments per day each band needs at least, best first; anything less is `low`. */
export const DEPLOYMENT_FREQUENCY_BANDS: ReadonlyArray<
  readonly [DoraBand, number]
> = [
  ['elite', 1],
  ['high', 1 / 7],
  ['medium', 1 / 30],
];

function bandOf(perDay: number): DoraBand {
  return (
    DEPLOYMENT_FREQUENCY_BANDS.find(([, floor]) => perDay >= floor)?.[0] ??
    'low'
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Hours from each change's merge to the first production deployment at or after it that ships it. */
function leadTimesOf(
  history: EntityHistory,
  inWindow: (at: number) => boolean,
): number[] {
  return history.changes.flatMap(change => {
    const shipped = history.deployments.find(
      deployment =>
        deployment.at >= change.at &&
        shipsSameRelease(deployment.event, change.event),
    );
    return shipped && inWindow(shipped.at)
      ? [(shipped.at - change.at) / HOUR_MS]
      : [];
  });
}

/**
 * Recovery episodes starting in the window, as hours (or null while unrecovered):
 * each production incident, from detection to its resolution (same `incidentId`); and each failed
 * deployment that no incident accounts for, from the deployment to the entity's next production
 * rollback or non-failed production deployment.
 */
function recoveriesOf(
  history: EntityHistory,
  resolutions: DeliveryHistory['resolutions'],
  inWindow: (at: number) => boolean,
): Array<number | null> {
  const incidents = history.incidents
    .filter(incident => inWindow(incident.at))
    .map(incident => {
      const { incidentId } = incident.event;
      const resolved =
        incidentId === undefined
          ? undefined
          : resolutions
              .get(incidentId)
              ?.find(resolution => resolution.order > incident.order);
      return resolved ? (resolved.at - incident.at) / HOUR_MS : null;
    });
  const deployments = history.deployments
    .filter(
      deployment =>
        deployment.failed &&
        deployment.failingIncidents.length === 0 &&
        inWindow(deployment.at),
    )
    .map(deployment => {
      const restoredAt = [
        history.rollbacks.find(rollback => rollback.order > deployment.order),
        history.deployments.find(
          next => next.order > deployment.order && !next.failed,
        ),
      ]
        .filter(event => event !== undefined)
        .map(event => event.at);
      return restoredAt.length > 0
        ? (Math.min(...restoredAt) - deployment.at) / HOUR_MS
        : null;
    });
  return [...incidents, ...deployments];
}

/**
 * The four DORA keys over `[from, to)`:
 *
 * - deployment frequency: production deployments (failed ones included) per day and per week,
 *   and the band: elite at 1 a day or more, high at 1 a week, medium at 1 in 30 days, else low;
 * - lead time for changes: median hours from a `change-merged` event to the first production
 *   deployment of the same entity, at or after the merge, with the same commit or the same
 *   version; counted when that deployment falls in the window;
 * - change failure rate: failed production deployments in the window over all of them. A
 *   deployment failed when it is flagged `failed`, when a production rollback of the entity
 *   follows it before the entity's next production deployment, or when an incident attributed
 *   to it is detected within 24 hours (an incident belongs to the entity's latest production
 *   deployment before it, of the version or commit it names when it names one);
 * - failed-deployment recovery time: median hours over recovery episodes starting in the
 *   window: incidents from detection to resolution, and failed deployments without such an
 *   incident from the deployment to the next rollback or non-failed production deployment.
 *
 * Events are deduplicated by `id` and may come in any order; an unparseable `occurredAt`
 * drops the event.
 */
export function computeDora(input: DoraInput): DoraFigures {
  const { from, to } = input;
  if (!(from.getTime() < to.getTime())) {
    throw new RangeError(
      `DORA window must end after it starts: from ${from.toISOString()} to ${to.toISOString()}`,
    );
  }
  const history = buildDeliveryHistory(
    input.events,
    input.productionEnvironment ?? DEFAULT_PRODUCTION_ENVIRONMENT,
  );
  const inWindow = (at: number) => at >= from.getTime() && at < to.getTime();
  const entities = [...history.byEntity.values()];

  const deployments = entities.flatMap(entity =>
    entity.deployments.filter(deployment => inWindow(deployment.at)),
  );
  const failedDeployments = deployments.filter(
    deployment => deployment.failed,
  ).length;
  const leadTimes = entities.flatMap(entity => leadTimesOf(entity, inWindow));
  const recoveries = entities.flatMap(entity =>
    recoveriesOf(entity, history.resolutions, inWindow),
  );
  const recovered = recoveries.filter(hours => hours !== null);

  const days = (to.getTime() - from.getTime()) / DAY_MS;
  const perDay = deployments.length / days;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    days,
    deploymentFrequency: {
      deployments: deployments.length,
      perDay,
      perWeek: perDay * 7,
      band: bandOf(perDay),
    },
    leadTimeForChanges: {
      medianHours: median(leadTimes),
      changes: leadTimes.length,
    },
    changeFailureRate: {
      rate:
        deployments.length > 0 ? failedDeployments / deployments.length : null,
      failedDeployments,
      deployments: deployments.length,
    },
    failedDeploymentRecoveryTime: {
      medianHours: median(recovered),
      recoveries: recovered.length,
      unrecovered: recoveries.length - recovered.length,
    },
  };
}

/** {@link computeDora} for `[from, to)` and for the window of the same length ending at `from`. */
export function computeDoraTrend(input: DoraInput): DoraTrend {
  const length = input.to.getTime() - input.from.getTime();
  return {
    current: computeDora(input),
    previous: computeDora({
      ...input,
      from: new Date(input.from.getTime() - length),
      to: input.from,
    }),
  };
}
