import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { Caller } from '@waybill/plugin-waybill-node';
import { RolloutConflictError } from './errors';
import { TenantRollouts } from './TenantRollouts';

/** Who the scheduler acts as, on the trail and in the audit log. */
export const AUTO_ADVANCE_CALLER: Caller = {
  type: 'service',
  subject: 'plugin:tenant-rollouts/auto-advance',
};

/**
 * The scheduler's pass, audited at its edge as the router audits requests: every running
 * rollout whose current wave has baked healthy advances (or completes after its last wave)
 * when gate and freeze allow; never with an override. Answers how many moved.
 */
export async function autoAdvance(options: {
  rollouts: TenantRollouts;
  auditor: AuditorService;
  logger: LoggerService;
}): Promise<number> {
  const { rollouts, auditor, logger } = options;
  let moved = 0;
  for (const { record, action } of await rollouts.dueForAdvance()) {
    const event = await auditor.createEvent({
      eventId: `rollout-${action}`,
      severityLevel: 'low',
      meta: {
        rolloutId: record.id,
        entityRef: record.entityRef,
        version: record.version,
        environment: record.environment,
        actor: AUTO_ADVANCE_CALLER.subject,
        override: false,
      },
    });
    try {
      const { record: after } = await rollouts.act(record.id, action, {
        caller: AUTO_ADVANCE_CALLER,
      });
      await event.success({
        meta: { state: after.state, currentWave: after.currentWave },
      });
      moved++;
    } catch (error) {
      await event.fail({ error: error as Error });
      if (error instanceof RolloutConflictError) {
        await rollouts.held(record, error.blockers ?? []);
      } else {
        logger.warn(
          `Auto-advance of rollout ${record.id} failed: ${
            (error as Error).message
          }`,
        );
      }
    }
  }
  return moved;
}
