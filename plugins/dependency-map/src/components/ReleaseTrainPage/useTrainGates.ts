import { useApiHolder } from '@backstage/core-plugin-api';
import type { ReleaseTrainPlan } from '@waybill/plugin-dependency-map-common';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from './pluginApis';
import {
  DEFAULT_GATE_ENVIRONMENT,
  GATE_READ_CONCURRENCY,
  GateReading,
  gatedChanges,
  mapWithConcurrency,
  readGate,
  readGateError,
} from './trainGates';

/** Why gates are not checked in an app without the scorecards plugin. */
export const NO_SCORECARDS =
  'the scorecards plugin is not installed in this portal.';

/**
 * The gated environments, as the scorecards policy names them (the portfolio summary counts
 * every one); the default environment alone when they cannot be read.
 */
export function useGateEnvironments(): string[] {
  const scorecards = useApiHolder().get(scorecardsApiRef);
  const { value } = useAsync(async () => {
    if (!scorecards) return undefined;
    const summary = await scorecards.getPortfolioSummary();
    return Object.keys(summary.gates);
  }, [scorecards]);
  return value && value.length > 0 ? value : [DEFAULT_GATE_ENVIRONMENT];
}

/**
 * The gate of every planned release for `environment`, read from the scorecards plugin a few at
 * a time (`GATE_READ_CONCURRENCY`), each failure kept to its own release. Without the scorecards
 * plugin, `unavailable` says so and nothing is read.
 */
export function useTrainGates(
  plan: ReleaseTrainPlan,
  environment: string,
): {
  gates?: ReadonlyMap<string, GateReading>;
  loading: boolean;
  unavailable?: string;
} {
  const scorecards = useApiHolder().get(scorecardsApiRef);
  const state = useAsync(async () => {
    if (!scorecards) return undefined;
    const changes = gatedChanges(plan);
    const readings = await mapWithConcurrency(
      changes,
      GATE_READ_CONCURRENCY,
      change =>
        scorecards
          .getGate(change.entityRef, change.version, environment)
          .then(readGate, readGateError),
    );
    return new Map(changes.map((c, i) => [c.entityRef, readings[i]]));
  }, [scorecards, plan, environment]);
  if (!scorecards) return { loading: false, unavailable: NO_SCORECARDS };
  return {
    gates: state.loading ? undefined : state.value,
    loading: state.loading,
  };
}
