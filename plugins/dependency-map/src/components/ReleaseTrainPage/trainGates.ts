import { ResponseError } from '@backstage/errors';
import type {
  PlannedChange,
  ReleaseTrainPlan,
} from '@waybill/plugin-dependency-map-common';
import type { GateAnswer } from '@waybill/plugin-scorecards-common';

/** The environment a train's gates are checked for unless the user picks another. */
export const DEFAULT_GATE_ENVIRONMENT = 'production';

/** How many gates are read at once. */
export const GATE_READ_CONCURRENCY = 4;

/**
 * One release's gate as the planner reads it: the decision (after overrides), `no-evidence` for a
 * release the scorecards hold no evidence or no scorecard for (not a failure: nothing was
 * measured), or `unavailable` when the gate could not be read.
 */
export type GateReading =
  | { status: 'pass' | 'warn' | 'fail'; answer: GateAnswer }
  | { status: 'no-evidence'; answer?: GateAnswer }
  | { status: 'unavailable'; message: string };

/**
 * The reading of a gate's answer. The gate answers a release without evidence with `fail` and
 * no score, grade or reasons; that is "no evidence", not a failing release.
 */
export function readGate(answer: GateAnswer): GateReading {
  if (
    answer.score === null &&
    answer.grade === null &&
    answer.reasons.length === 0 &&
    answer.override === null
  ) {
    return { status: 'no-evidence', answer };
  }
  return { status: answer.decision, answer };
}

/** The reading of a failed gate read: a release the scorecards do not know has no evidence. */
export function readGateError(error: unknown): GateReading {
  if (error instanceof ResponseError && error.statusCode === 404) {
    return { status: 'no-evidence' };
  }
  const message =
    error instanceof ResponseError
      ? error.body?.error?.message ?? error.message
      : String((error as Error)?.message ?? error);
  return { status: 'unavailable', message };
}

/** Whether a gate lets its release out: it passes, or passes with warnings. */
export const gateLetsOut = (reading: GateReading | undefined) =>
  reading?.status === 'pass' || reading?.status === 'warn';

/** What a reading says, in words, for `environment`. */
export function gateText(reading: GateReading, environment: string): string {
  switch (reading.status) {
    case 'pass':
      return `${environment}: pass${
        reading.answer.policyDecision !== 'pass' ? ' (overridden)' : ''
      }`;
    case 'warn':
      return `${environment}: warn`;
    case 'fail':
      return `${environment}: fail`;
    case 'no-evidence':
      return 'no evidence';
    default:
      return 'gate not read';
  }
}

/**
 * The planned changes that have a gate: every release. An API change is a contract version
 * that goes live with its providers, whose gates it rides on.
 */
export function gatedChanges(plan: ReleaseTrainPlan): PlannedChange[] {
  return plan.changes.filter(c => c.kind !== 'api');
}

/**
 * Runs `task` over `items` with at most `limit` running at once, answering in the items' order.
 * A task's rejection rejects the whole; tasks that must not fail catch their own errors.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker),
  );
  return results;
}

/** What the start button needs to know besides the plan. */
export interface StartContext {
  plan: ReleaseTrainPlan;
  titleOf(ref: string): string;
  environment: string;
  /** The gates by entity ref; undefined while they are read or when they cannot be. */
  gates?: ReadonlyMap<string, GateReading>;
  /** Why gates cannot be checked at all (e.g. the scorecards plugin is not installed). */
  gatesUnavailable?: string;
  /** The changes a rollout would be created for. */
  targets: readonly PlannedChange[];
}

/**
 * Why the train's rollouts cannot be started, each in words; none when they can: every change
 * planned, no cycle (nor unmet API requirement) in the way, every release's gate passing (or
 * warning) for the environment, and something to roll out.
 */
export function startBlockers(ctx: StartContext): string[] {
  const { plan, titleOf, environment } = ctx;
  const reasons: string[] = [];
  if (plan.rejected.length > 0) {
    reasons.push(
      `${plan.rejected.length} ${
        plan.rejected.length === 1 ? 'change was' : 'changes were'
      } not planned: fix or remove ${
        plan.rejected.length === 1 ? 'it' : 'them'
      } and plan again.`,
    );
  }
  for (const blocker of plan.blockers) {
    reasons.push(
      `A dependency cycle blocks a strict order: ${blocker.entityRefs
        .map(titleOf)
        .join(' ⇄ ')}.`,
    );
  }
  if (plan.incompatibilities.length > 0) {
    reasons.push(
      `${plan.incompatibilities.length} API ${
        plan.incompatibilities.length === 1
          ? 'requirement is'
          : 'requirements are'
      } left unmet (see Incompatibilities).`,
    );
  }
  if (ctx.gatesUnavailable) {
    reasons.push(`The gates cannot be checked: ${ctx.gatesUnavailable}`);
  } else if (!ctx.gates) {
    reasons.push(`The ${environment} gates are being read.`);
  } else {
    for (const change of gatedChanges(plan)) {
      const reading = ctx.gates.get(change.entityRef);
      if (gateLetsOut(reading)) continue;
      const release = `${change.title} ${change.version}`;
      if (!reading || reading.status === 'unavailable') {
        reasons.push(
          `${release}: the ${environment} gate could not be read${
            reading ? ` (${reading.message})` : ''
          }.`,
        );
      } else if (reading.status === 'no-evidence') {
        reasons.push(
          `${release} has no evidence, so its ${environment} gate cannot pass.`,
        );
      } else {
        reasons.push(`${release}: the ${environment} gate fails.`);
      }
    }
  }
  if (ctx.targets.length === 0) {
    reasons.push(
      'No change of the train serves tenants: there is nothing to roll out.',
    );
  }
  return reasons;
}
