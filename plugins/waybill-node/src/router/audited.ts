import { AuditorService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/** The audit event of one state-changing request. */
export interface AuditedAction {
  /** Backstage audit event id, e.g. `rollout-advance`. */
  eventId: string;
  /** The request: the auditor names its caller (user or service principal) from it. */
  request: NonNullable<Parameters<AuditorService['createEvent']>[0]['request']>;
  /** What the action is about, recorded when it starts. */
  meta?: JsonObject;
}

/**
 * Runs a state-changing action inside an audit event, at the router's edge: the event is opened
 * before the action, marked successful with `resultMeta` of its result, or failed with its error
 * (which is then rethrown). The domain code that performs the action never sees the request.
 */
export async function audited<T>(
  auditor: AuditorService,
  action: AuditedAction,
  perform: () => Promise<T>,
  resultMeta?: (result: T) => JsonObject,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: action.eventId,
    severityLevel: 'medium',
    request: action.request,
    meta: action.meta,
  });
  try {
    const result = await perform();
    await event.success(resultMeta ? { meta: resultMeta(result) } : undefined);
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
