import type { DeliveryEvent } from '../evidence';

/** An event with its parsed time and its position in the sorted history (which breaks time ties). */
export interface TimedEvent {
  event: DeliveryEvent;
  at: number;
  order: number;
}

/** A production deployment and what became of it. */
export interface ProductionDeployment extends TimedEvent {
  failed: boolean;
  /** Incidents attributed to it that were detected within {@link INCIDENT_ATTRIBUTION_MS}. */
  failingIncidents: TimedEvent[];
}

/** What happened to one entity, in time order. */
export interface EntityHistory {
  deployments: ProductionDeployment[];
  rollbacks: TimedEvent[];
  incidents: TimedEvent[];
  changes: TimedEvent[];
}

/** The delivery history DORA is computed from. */
export interface DeliveryHistory {
  byEntity: Map<string, EntityHistory>;
  /** Incident resolutions by incident id, in time order. */
  resolutions: Map<string, TimedEvent[]>;
}

/** How long after a deployment an attributed incident still marks it failed. */
export const INCIDENT_ATTRIBUTION_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a deployment ships a change or an incident concerns a deployment: their commits are
 * equal, or their versions are. Either match suffices because a version ships many commits
 * while a deployment records only its head commit.
 */
export function shipsSameRelease(a: DeliveryEvent, b: DeliveryEvent): boolean {
  return (
    (a.commit !== undefined && a.commit === b.commit) ||
    (a.version !== undefined && a.version === b.version)
  );
}

function sortedUniqueEvents(events: DeliveryEvent[]): TimedEvent[] {
  // Redelivered events carry the id of the original; the first copy wins.
  const unique = new Map<string, DeliveryEvent>();
  for (const event of events) {
    if (!unique.has(event.id)) unique.set(event.id, event);
  }
  return [...unique.values()]
    .map(event => ({ event, at: Date.parse(event.occurredAt) }))
    .filter(({ at }) => !Number.isNaN(at))
    .sort(
      (a, b) =>
        a.at - b.at ||
        // Code-unit order, not localeCompare: the same in every browser and Node.
        Number(a.event.id > b.event.id) - Number(a.event.id < b.event.id),
    )
    .map((timed, order) => ({ ...timed, order }));
}

function emptyHistory(): EntityHistory {
  return { deployments: [], rollbacks: [], incidents: [], changes: [] };
}

/** The incident's deployment: the latest production deployment before it, of its release when it names one. */
function attributedDeployment(
  incident: TimedEvent,
  deployments: ProductionDeployment[],
): ProductionDeployment | undefined {
  const namesRelease =
    incident.event.version !== undefined || incident.event.commit !== undefined;
  return deployments.findLast(
    deployment =>
      deployment.order < incident.order &&
      (!namesRelease || shipsSameRelease(incident.event, deployment.event)),
  );
}

function classifyDeployments(history: EntityHistory): void {
  for (const incident of history.incidents) {
    const deployment = attributedDeployment(incident, history.deployments);
    if (deployment && incident.at - deployment.at <= INCIDENT_ATTRIBUTION_MS) {
      deployment.failingIncidents.push(incident);
    }
  }
  history.deployments.forEach((deployment, index) => {
    const next = history.deployments[index + 1];
    const rolledBack = history.rollbacks.some(
      rollback =>
        rollback.order > deployment.order &&
        (next === undefined || rollback.order < next.order),
    );
    deployment.failed =
      deployment.event.failed === true ||
      rolledBack ||
      deployment.failingIncidents.length > 0;
  });
}

/**
 * Dedupes events by id, sorts them by time, keeps the production ones that matter to DORA per
 * entity, and decides which production deployments failed: flagged `failed`, followed by a
 * production rollback of the entity before its next production deployment, or with an
 * incident attributed to it detected within 24 hours.
 */
export function buildDeliveryHistory(
  events: DeliveryEvent[],
  productionEnvironment: string,
): DeliveryHistory {
  const byEntity = new Map<string, EntityHistory>();
  const resolutions = new Map<string, TimedEvent[]>();
  const historyOf = (entityRef: string) => {
    let history = byEntity.get(entityRef);
    if (!history) {
      history = emptyHistory();
      byEntity.set(entityRef, history);
    }
    return history;
  };
  for (const timed of sortedUniqueEvents(events)) {
    const { event } = timed;
    const inProduction = event.environment === productionEnvironment;
    switch (event.type) {
      case 'deployment':
        if (inProduction) {
          historyOf(event.entityRef).deployments.push({
            ...timed,
            failed: false,
            failingIncidents: [],
          });
        }
        break;
      case 'rollback':
        if (inProduction) historyOf(event.entityRef).rollbacks.push(timed);
        break;
      case 'incident-detected':
        // Incidents often carry no environment; only one placed elsewhere is left out.
        if (event.environment === undefined || inProduction) {
          historyOf(event.entityRef).incidents.push(timed);
        }
        break;
      case 'incident-resolved':
        if (event.incidentId !== undefined) {
          const list = resolutions.get(event.incidentId) ?? [];
          list.push(timed);
          resolutions.set(event.incidentId, list);
        }
        break;
      case 'change-merged':
        historyOf(event.entityRef).changes.push(timed);
        break;
      default:
        // Events arrive from outside (CDEvents); a type this version does not know is skipped.
        break;
    }
  }
  byEntity.forEach(classifyDeployments);
  return { byEntity, resolutions };
}
