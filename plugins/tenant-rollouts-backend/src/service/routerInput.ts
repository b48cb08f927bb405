import { InputError } from '@backstage/errors';
import {
  BoardQuery,
  MAX_CALENDAR_DAYS,
  TenantRolloutsOperations,
  TenantStatus,
} from '@waybill/plugin-tenant-rollouts-common';
import { TENANT_AXES } from '@waybill/plugin-waybill-common';
import { StatusUpdate } from '../database/RolloutStore';

/*
 * What the router reads from a request beyond the spec. The spec validates every request's
 * shape (types, bounds, patterns: a 400 naming the field); these are the rules it cannot state.
 */

/** Creating and acting on a rollout take a few fields; nothing bigger is legitimate. */
export const SMALL_BODY_BYTES = 64 * 1024;
/** A status report of 5,000 tenants with 2,000-character details, as the spec allows. */
export const STATUS_REPORT_BYTES = 12 * 1024 * 1024;

/**
 * A board's query, which the spec has validated (each value's type and bounds: a 400 naming the
 * parameter): its numbers as numbers, its empty values left out.
 */
export function boardQuery(query: Record<string, unknown>): BoardQuery {
  const board: BoardQuery = {};
  for (const key of [...TENANT_AXES, 'q'] as const) {
    const value = query[key];
    if (typeof value === 'string' && value !== '') board[key] = value;
  }
  if (query.status !== undefined && query.status !== '') {
    board.status = query.status as BoardQuery['status'];
  }
  for (const key of ['wave', 'offset', 'limit'] as const) {
    if (query[key] !== undefined && query[key] !== '') {
      board[key] = Number(query[key]);
    }
  }
  return board;
}

/** A rollout id or wave index from the path, which the spec has checked is an integer. */
export const pathNumber = (value: string | number): number => Number(value);

/**
 * The reason an action gives, trimmed. An override and a rollback need one of at least 10
 * characters (the spec counts the untrimmed length); other actions may give none.
 */
export function actionReason(
  reason: string | undefined,
  needed: 'a rollback' | 'an override' | undefined,
): string | undefined {
  const trimmed = reason?.trim();
  if (needed && (!trimmed || trimmed.length < 10)) {
    throw new InputError(
      `body.reason: ${needed} needs a reason, in at least 10 characters`,
    );
  }
  return trimmed;
}

const DAY_MS = 86_400_000;

/**
 * The freeze calendar's range: from now, or `from`, to 90 days later, or `to`; `to` after
 * `from` and at most MAX_CALENDAR_DAYS after it.
 */
export function calendarRange(query: { from?: string; to?: string }): {
  from: Date;
  to: Date;
} {
  const from = query.from ? new Date(query.from) : new Date();
  const to = query.to
    ? new Date(query.to)
    : new Date(from.getTime() + 90 * DAY_MS);
  if (to <= from) throw new InputError('query.to: must be after from');
  if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * DAY_MS) {
    throw new InputError(
      `query.to: must be at most ${MAX_CALENDAR_DAYS} days after from`,
    );
  }
  return { from, to };
}

/** CDEvents service events; the tenant is the event's environment id. */
const CDEVENT_STATUS: Record<string, TenantStatus> = {
  deployed: 'healthy',
  upgraded: 'healthy',
  rolledback: 'rolled-back',
};

/** A status report: Waybill's JSON, one CDEvent, or a list of them. */
type StatusReport =
  TenantRolloutsOperations['reportTenantStatus']['requestBody']['content']['application/json'];

/** A status report the spec has validated, in Waybill's JSON or as CDEvents, as status updates. */
export function statusUpdates(body: StatusReport): StatusUpdate[] {
  if ('statuses' in body) {
    return body.statuses.map(s => ({
      tenantRef: s.tenant,
      status: s.status,
      detail: s.detail,
    }));
  }
  const events = Array.isArray(body) ? body : [body];
  return events.map(e => ({
    tenantRef: e.subject.content.environment.id,
    // The spec's pattern has checked the type is one of the three service events.
    status: CDEVENT_STATUS[e.context.type.split('.')[3]],
    detail: e.context.type,
  }));
}
