import type { RolloutState } from '@waybill/plugin-tenant-rollouts-common';
import { toIso } from '@waybill/plugin-waybill-node';
import type { RolloutRecord } from './RolloutStore';

/* A rollout's row of `tenant_rollouts`, and the record it is read as. */

export interface RolloutRow {
  id: number;
  entity_ref: string;
  version: string;
  environment: string;
  strategy: string;
  strategy_source: string | null;
  plan: string;
  state: RolloutState;
  current_wave: number;
  lock_version: number;
  created_by: string;
  created_at: Date | string | number;
  updated_at: Date | string | number;
}

export function toRecord(row: RolloutRow): RolloutRecord {
  return { ...toHeadRecord(row), plan: JSON.parse(row.plan) };
}

export function toHeadRecord(
  row: Omit<RolloutRow, 'plan'>,
): Omit<RolloutRecord, 'plan'> {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    version: row.version,
    environment: row.environment,
    strategy: JSON.parse(row.strategy),
    strategySource: row.strategy_source ?? null,
    state: row.state as RolloutState,
    currentWave: Number(row.current_wave),
    lockVersion: Number(row.lock_version),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** The columns of a rollout but its plan, and its status version. */
export const HEAD_COLUMNS = [
  'id',
  'entity_ref',
  'version',
  'environment',
  'strategy',
  'strategy_source',
  'state',
  'current_wave',
  'lock_version',
  'created_by',
  'created_at',
  'updated_at',
  'status_version',
];
