import {
  freezeGroups,
  parseFreezeWindows,
  TENANT_STATUSES,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';
import { RolloutRecord, TenantStatusRecord } from '../database/RolloutStore';
import { newRollout } from '../__testUtils__/fixtures';
import { seededPick } from '../__testUtils__/seeded';
import { boardSnapshot, updatedSnapshot } from './boardSnapshot';

const TENANTS = 200;
const WAVES = 4;

/** A rollout of 200 tenants spread over four axes and four waves, made at 2026-12-01. */
function wideRecord(pick: ReturnType<typeof seededPick>): RolloutRecord {
  const tenants: Tenant[] = Array.from({ length: TENANTS }, (_, i) => ({
    ref: `resource:default/t${String(i).padStart(3, '0')}`,
    title: `Tenant ${i}`,
    segment: pick(['retail', 'wholesale', 'manufacturing']),
    region: pick(['europe', 'north-america', 'asia-pacific']),
    tier: pick(['standard', 'critical']),
    cloud: pick(['aws', 'gcp']),
    tenancy: 'shared',
    timeZone: pick(['Europe/Berlin', 'America/Chicago']),
    deployables: ['component:default/inventory'],
  }));
  const rollout = newRollout();
  return {
    ...rollout,
    id: 1,
    strategySource: null,
    state: 'running',
    currentWave: WAVES - 1,
    lockVersion: 0,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    plan: {
      tenants,
      waves: Array.from({ length: WAVES }, (_, w) => ({
        name: `wave-${w}`,
        bakeMinutes: 0,
        healthThreshold: 1,
        tenants: tenants
          .filter((_tenant, i) => i % WAVES === w)
          .map(t => ({ ref: t.ref, reason: 'remainder' as const })),
      })),
    },
  };
}

const windows = parseFreezeWindows([
  {
    id: 'europe-peak',
    title: 'Europe peak',
    scope: { region: ['europe'] },
    schedule: { kind: 'weekly', days: ['fri'], from: '16:00', to: '20:00' },
  },
]);

describe('updatedSnapshot', () => {
  it.each([
    ['every tenant', undefined],
    ['two thirds of the tenants', (i: number) => i % 3 !== 0],
  ])(
    'equals the snapshot computed from every status, over 40 rounds of random reports (%s)',
    (_name, readable) => {
      const pick = seededPick(20261221);
      const record = wideRecord(pick);
      const groups = freezeGroups(record.plan.tenants, windows);
      const visible = readable
        ? new Set(
            record.plan.tenants.filter((_, i) => readable(i)).map(t => t.ref),
          )
        : undefined;
      // As the store reads them: by wave, then ref; every tenant pending at first.
      let statuses: TenantStatusRecord[] = record.plan.waves.flatMap(
        (wave, w) =>
          wave.tenants.map(({ ref }) => ({
            tenantRef: ref,
            waveIndex: w,
            status: 'pending' as const,
            detail: null,
            updatedAt: record.createdAt,
          })),
      );
      let snapshot = boardSnapshot(record, statuses, groups, 0, visible);
      let recomputed = 0;
      for (let version = 1; version <= 40; version++) {
        const before = statuses;
        const changed = Array.from({ length: 1 + (version % 7) * 9 }, () => {
          const { tenantRef, waveIndex } = pick(before);
          return {
            tenantRef,
            waveIndex,
            status: pick(TENANT_STATUSES),
            detail: pick([null, 'boom', 'slow']),
            // Replicas' clocks differ: a later report may carry an earlier time.
            updatedAt: new Date(
              Date.UTC(2026, 11, 2, 0, pick([0, 5, 10, 30]), version),
            ).toISOString(),
          };
        });
        const latest = new Map(changed.map(s => [s.tenantRef, s]));
        statuses = statuses.map(s => latest.get(s.tenantRef) ?? s);
        const updated = updatedSnapshot(
          snapshot,
          [...latest.values()],
          version,
        )!;
        const whole = boardSnapshot(record, statuses, groups, version, visible);
        expect(updated).toEqual(whole);
        if (updated.analysis !== snapshot.analysis) recomputed++;
        snapshot = updated;
      }
      // Failures came and went: the analysis was computed again, but not on every report.
      expect(snapshot.analysis.failed).toBeGreaterThan(0);
      expect(recomputed).toBeGreaterThan(10);
    },
  );

  it('keeps the analysis when no tenant moved between unsettled, healthy and failed', () => {
    const record = wideRecord(seededPick(7));
    const groups = freezeGroups(record.plan.tenants, windows);
    const statuses = record.plan.waves.flatMap((wave, w) =>
      wave.tenants.map(({ ref }, i) => ({
        tenantRef: ref,
        waveIndex: w,
        status: i % 5 === 0 ? ('failed' as const) : ('healthy' as const),
        detail: null,
        updatedAt: record.createdAt,
      })),
    );
    const before = boardSnapshot(record, statuses, groups, 3, undefined);
    const failed = statuses.find(s => s.status === 'failed')!;
    const after = updatedSnapshot(
      before,
      [{ ...failed, status: 'rolled-back', updatedAt: '2026-12-03T00:00:00Z' }],
      4,
    )!;
    expect(after.analysis).toBe(before.analysis);
    expect(after.version).toBe(4);
    expect(after.waves[failed.waveIndex].counts['rolled-back']).toBe(1);
  });

  it('asks for the whole computation when a status is of a tenant it does not have', () => {
    const record = wideRecord(seededPick(9));
    const snapshot = boardSnapshot(
      record,
      [],
      freezeGroups(record.plan.tenants, windows),
      0,
    );
    expect(
      updatedSnapshot(
        snapshot,
        [
          {
            tenantRef: 'resource:default/stranger',
            waveIndex: 0,
            status: 'healthy',
            detail: null,
            updatedAt: '2026-12-03T00:00:00Z',
          },
        ],
        1,
      ),
    ).toBeUndefined();
  });
});
