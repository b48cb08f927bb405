import type { GateDecision } from '@waybill/plugin-scorecards-common';

export { RELEASE_SEARCH_TYPE } from '@waybill/plugin-scorecards-common';

/** A release gate as its search document carries it. */
export interface SearchedGate {
  environment: string;
  decision: GateDecision;
  policyDecision: GateDecision;
}

const DECISIONS: readonly unknown[] = ['pass', 'warn', 'fail'];

function isGate(value: unknown): value is SearchedGate {
  const gate = value as Partial<SearchedGate> | null;
  return (
    typeof gate?.environment === 'string' &&
    DECISIONS.includes(gate.decision) &&
    DECISIONS.includes(gate.policyDecision)
  );
}

/**
 * What a release's search document says of its scorecard, read defensively (a search engine
 * hands back whatever was indexed): its grade, and its gates in promotion order.
 */
export function readReleaseResult(document: object): {
  grade?: string;
  gates: SearchedGate[];
} {
  const { grade, gates } = document as { grade?: unknown; gates?: unknown };
  return {
    grade: typeof grade === 'string' && grade !== '' ? grade : undefined,
    gates: Array.isArray(gates) ? gates.filter(isGate) : [],
  };
}
