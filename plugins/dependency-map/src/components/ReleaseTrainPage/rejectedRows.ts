import type {
  ReleaseTrainPlan,
  RejectedChange,
} from '@waybill/plugin-dependency-map-common';
import type { PlannedTrain } from './PlanView';

/**
 * The changes a plan rejected, by the key of the form row each came from (`planned.rowKeys`, in
 * the order of the request the plan answers).
 */
export function rejectedByRow(
  plan: ReleaseTrainPlan | undefined,
  planned: PlannedTrain | undefined,
): ReadonlyMap<number, RejectedChange> {
  const rows = new Map<number, RejectedChange>();
  if (!plan || !planned) return rows;
  for (const rejected of plan.rejected) {
    const key = planned.rowKeys[rejected.index];
    if (key !== undefined) rows.set(key, rejected);
  }
  return rows;
}
