import { createHash } from 'node:crypto';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DeliveryEvent,
  DeliveryEventType,
} from '@waybill/plugin-scorecards-common';
import { z } from 'zod';
import { formatIssues, isJsonObject } from './json';
import { describeValue } from './text';

const LABEL = 'Delivery events';

const EVENT_TYPES = [
  'deployment',
  'rollback',
  'incident-detected',
  'incident-resolved',
  'change-merged',
] as const satisfies readonly DeliveryEventType[];

/** The CDEvents `<subject>.<predicate>` Waybill reads, any 0.x version, and what each becomes. */
const CDEVENT_TYPES: ReadonlyMap<string, DeliveryEventType> = new Map<
  string,
  DeliveryEventType
>([
  ['service.deployed', 'deployment'],
  ['service.upgraded', 'deployment'],
  ['service.rolledback', 'rollback'],
  ['incident.detected', 'incident-detected'],
  ['incident.resolved', 'incident-resolved'],
  ['change.merged', 'change-merged'],
]);

const ENTITY_REF_EXAMPLE = 'component:default/inventory';

/** A full entity ref, normalized the way the catalog writes it (`kind:namespace/name`). */
const entityRef = z
  .string()
  .max(255)
  .transform((ref, ctx) => {
    try {
      return stringifyEntityRef(parseEntityRef(ref));
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `expected an entity ref like ${ENTITY_REF_EXAMPLE}`,
      });
      return z.NEVER;
    }
  });

/**
 * A timestamp with a time zone, normalized to UTC so that events sort as strings. zod's pattern
 * only admits real instants, so the Date conversion cannot fail.
 */
const timestamp = z.iso
  .datetime({
    offset: true,
    error:
      'expected an ISO 8601 timestamp with a time zone, e.g. 2024-05-14T09:12:03Z',
  })
  .transform(value => new Date(value).toISOString());

/** A short identifier or name; stored in columns of 255 characters. */
const text = z.string().min(1).max(255);

/** Waybill's own event: strict, so that a misspelt key is an error rather than a lost fact. */
const waybillEvent = z
  .strictObject({
    type: z.enum(EVENT_TYPES),
    entityRef,
    occurredAt: timestamp,
    version: text.optional(),
    environment: text.optional(),
    commit: text.optional(),
    incidentId: text.optional(),
    failed: z.boolean().optional(),
    source: text.optional(),
    id: text.optional(),
  })
  .superRefine((event, ctx) => {
    if (event.type.startsWith('incident-') && event.incidentId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['incidentId'],
        message: `required for ${event.type}, to pair detection with resolution`,
      });
    }
    if (event.type === 'change-merged' && event.commit === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['commit'],
        message: 'required for change-merged',
      });
    }
  })
  .transform(
    ({ id, ...event }): DeliveryEvent => ({
      ...event,
      id: id ?? derivedId(event),
    }),
  );

/** The parts of a CDEvent Waybill reads; the rest of it is ignored. */
const cdEvent = z
  .object({
    context: z.object({
      id: text,
      source: text,
      type: z.string(),
      timestamp,
    }),
    subject: z.object({
      id: text,
      source: z.string().optional(),
      content: z
        .object({
          artifactId: z.string().optional(),
          environment: z.object({ id: text }).optional(),
        })
        .optional(),
    }),
    customData: z.unknown().optional(),
  })
  .transform((event, ctx): DeliveryEvent => {
    const { context, subject } = event;
    const type = cdEventType(context.type);
    const named = namedEntity(event);
    const ref = named && entityRef.safeParse(named.ref);
    const artifactId = subject.content?.artifactId;
    const version =
      artifactId !== undefined ? purlVersion(artifactId) : undefined;
    if (type === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['context', 'type'],
        message: `${describeValue(
          context.type,
        )} is not a CDEvent Waybill reads (dev.cdevents.{${[
          ...CDEVENT_TYPES.keys(),
        ].join(',')}}.0.x.y)`,
      });
    }
    if (!named) {
      ctx.addIssue({
        code: 'custom',
        path: ['customData', 'entityRef'],
        message: `the event names no Backstage entity: set customData.entityRef (e.g. "${ENTITY_REF_EXAMPLE}") or a subject.source of the form "backstage:${ENTITY_REF_EXAMPLE}"`,
      });
    } else if (!ref?.success) {
      ctx.addIssue({
        code: 'custom',
        path: named.path,
        message: `expected an entity ref like ${ENTITY_REF_EXAMPLE}`,
      });
    }
    if (version === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['subject', 'content', 'artifactId'],
        message: 'expected a package URL (pkg:type/name@version)',
      });
    }
    if (type === undefined || !ref?.success || version === null) {
      return z.NEVER;
    }
    return {
      type,
      entityRef: ref.data,
      occurredAt: context.timestamp,
      id: context.id,
      source: context.source,
      ...(version !== undefined ? { version } : {}),
      ...(subject.content?.environment
        ? { environment: subject.content.environment.id }
        : {}),
      ...(type.startsWith('incident-') ? { incidentId: subject.id } : {}),
      ...(type === 'change-merged' ? { commit: subject.id } : {}),
    };
  });

/**
 * Parses delivery events: Waybill's JSON (`{ "events": [...] }` or one event) or CDEvents v0.4
 * (one event or an array). Any element with a `context` is read as a CDEvent.
 */
export function parseDeliveryEvents(body: unknown): DeliveryEvent[] {
  if (Array.isArray(body)) {
    return parseEach(body);
  }
  if (isJsonObject(body) && 'events' in body) {
    const envelope = z
      .strictObject({ events: z.array(z.unknown()) })
      .safeParse(body);
    if (!envelope.success) {
      throw new InputError(
        `${LABEL} are invalid: ${formatIssues('body', envelope.error.issues)}`,
      );
    }
    return parseEach(envelope.data.events);
  }
  return parseEach([body], 'event');
}

/** Validates every event, reporting the issues of all of them at once. */
function parseEach(
  items: readonly unknown[],
  single?: string,
): DeliveryEvent[] {
  const events: DeliveryEvent[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const schema =
      isJsonObject(item) && 'context' in item ? cdEvent : waybillEvent;
    const result = schema.safeParse(item);
    if (result.success) {
      events.push(result.data);
    } else {
      problems.push(
        formatIssues(single ?? `events[${i}]`, result.error.issues),
      );
    }
  });
  if (problems.length > 0) {
    throw new InputError(
      `${LABEL} are invalid: ${problems.slice(0, 10).join('; ')}`,
    );
  }
  return events;
}

/** The Waybill type of a CDEvents type such as `dev.cdevents.service.deployed.0.2.0`. */
function cdEventType(type: string): DeliveryEventType | undefined {
  const parts = type.split('.');
  if (
    parts.length !== 7 ||
    parts[0] !== 'dev' ||
    parts[1] !== 'cdevents' ||
    parts[4] !== '0'
  ) {
    return undefined;
  }
  return CDEVENT_TYPES.get(`${parts[2]}.${parts[3]}`);
}

/**
 * CDEvents have no field for a Backstage entity, so Waybill reads it from `customData.entityRef`,
 * else from a `subject.source` of the form `backstage:<entity ref>`.
 */
function namedEntity(event: {
  subject: { source?: string };
  customData?: unknown;
}): { ref: unknown; path: string[] } | undefined {
  const { customData, subject } = event;
  if (isJsonObject(customData) && customData.entityRef !== undefined) {
    return { ref: customData.entityRef, path: ['customData', 'entityRef'] };
  }
  const prefix = 'backstage:';
  if (subject.source?.startsWith(prefix)) {
    return {
      ref: subject.source.slice(prefix.length),
      path: ['subject', 'source'],
    };
  }
  return undefined;
}

/**
 * The version of a package URL (`pkg:oci/inventory@sha256%3A...`, `pkg:npm/%40acme/web@1.8.2`),
 * undefined when it has none, null when the text is not a package URL at all.
 */
function purlVersion(purl: string): string | undefined | null {
  if (!purl.startsWith('pkg:')) {
    return null;
  }
  const end = Math.min(
    ...['?', '#'].map(c => purl.indexOf(c)).filter(i => i >= 0),
    purl.length,
  );
  const path = purl.slice(0, end);
  const at = path.lastIndexOf('@');
  if (at < 0 || at < path.lastIndexOf('/')) {
    return undefined;
  }
  try {
    return decodeURIComponent(path.slice(at + 1)) || undefined;
  } catch {
    return null;
  }
}

/** A stable id for an event sent without one, so that sending it twice is still one event. */
function derivedId(event: Omit<DeliveryEvent, 'id'>): string {
  const key = JSON.stringify([
    event.type,
    event.entityRef,
    event.occurredAt,
    event.version,
    event.environment,
    event.commit,
    event.incidentId,
  ]);
  return `waybill:${createHash('sha256')
    .update(key)
    .digest('hex')
    .slice(0, 32)}`;
}
