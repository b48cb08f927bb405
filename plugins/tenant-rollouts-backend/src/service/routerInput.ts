import {
  MAX_CALENDAR_DAYS,
  ROLLOUT_ACTIONS,
  TENANT_STATUSES,
  TenantStatus,
} from '@waybill/plugin-tenant-rollouts-common';
import { tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';
import { parseInput } from '@waybill/plugin-waybill-node';
import { z } from 'zod';
import { StatusUpdate } from '../database/RolloutStore';

/*
 * What the router accepts: body, path and query schemas, parsed with the router kit's
 * parseInput (an InputError naming each bad field).
 */

/** Creating and acting on a rollout take a few fields; nothing bigger is legitimate. */
export const SMALL_BODY_BYTES = 64 * 1024;
/** A status report of 5,000 tenants with 2,000-character details, as the schema allows. */
export const STATUS_REPORT_BYTES = 12 * 1024 * 1024;

const entityRefSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((ref, ctx) => {
    const normalized = tryNormalizeEntityRef(ref, { defaultKind: 'component' });
    if (normalized === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${ref}" is not an entity ref`,
      });
      return z.NEVER;
    }
    return normalized;
  });
export const createBody = z
  .object({
    entityRef: entityRefSchema,
    version: z.string().min(1).max(255),
    environment: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
      .max(63),
    strategy: z
      .union([z.string().min(1).max(63), z.record(z.string(), z.unknown())])
      .optional(),
  })
  .strict();
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const actionParams = idParams.extend({
  action: z.enum(ROLLOUT_ACTIONS),
});
export const waveParams = idParams.extend({
  index: z.coerce.number().int().min(0),
});
export const waveQuery = z
  .object({ cloud: z.string().min(1).max(100).optional() })
  .strict();
const reason = z
  .string()
  .trim()
  .min(10, 'reason must say why, in at least 10 characters')
  .max(2000);
export const actionBody = z
  .object({ override: z.boolean().default(false), reason: reason.optional() })
  .strict();
export const listQuery = z
  .object({
    entityRef: entityRefSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
const DAY_MS = 86_400_000;
export const calendarQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .transform((query, ctx) => {
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to
      ? new Date(query.to)
      : new Date(from.getTime() + 90 * DAY_MS);
    if (to <= from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must be after from',
      });
    } else if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_CALENDAR_DAYS} days after from`,
      });
    }
    return { from, to };
  });
export const statusBody = z
  .object({
    statuses: z
      .array(
        z
          .object({
            tenant: z.string().min(1).max(255),
            status: z.enum(TENANT_STATUSES),
            detail: z.string().max(2000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();
/** CDEvents service events; the tenant is the event's environment id. */
const CDEVENT_STATUS: Record<string, TenantStatus> = {
  'service.deployed': 'healthy',
  'service.upgraded': 'healthy',
  'service.rolledback': 'rolled-back',
};
const cdEvent = z.object({
  context: z.object({
    type: z
      .string()
      .regex(
        /^dev\.cdevents\.service\.(deployed|upgraded|rolledback)\.\d+\.\d+\.\d+/,
        'expected a CDEvents service.deployed, service.upgraded or service.rolledback event',
      ),
  }),
  subject: z.object({
    content: z.object({
      environment: z.object({ id: z.string().min(1).max(255) }),
    }),
  }),
});

/** A status report, in Waybill's JSON or as CDEvents, as status updates. */
export function statusUpdates(body: unknown): StatusUpdate[] {
  const isCdEvents =
    Array.isArray(body) ||
    (typeof body === 'object' && body !== null && 'context' in body);
  if (!isCdEvents) {
    return parseInput(statusBody, body, 'body').statuses.map(s => ({
      tenantRef: s.tenant,
      status: s.status,
      detail: s.detail,
    }));
  }
  const events = parseInput(
    z.array(cdEvent).min(1).max(5000),
    Array.isArray(body) ? body : [body],
    'body',
  );
  return events.map(e => {
    const kind = e.context.type.split('.').slice(2, 4).join('.');
    return {
      tenantRef: e.subject.content.environment.id,
      status: CDEVENT_STATUS[kind],
      detail: e.context.type,
    };
  });
}
