import { demoTenants } from './__testUtils__/demoTenants';
import { FRIDAY_CUTOFF, GO_LIVE } from './__testUtils__/freezeWindows';
import {
  freezeGroups,
  groupFreezeStatuses,
  parseFreezeWindows,
} from './freezeCalendar';
import {
  FREEZE_STATUS_REUSE_MS,
  HeldFreezeStatuses,
  nextFreezeChange,
} from './heldFreezeStatuses';

const tenants = demoTenants();
const windows = parseFreezeWindows([
  FRIDAY_CUTOFF,
  { ...GO_LIVE, scope: { tenants: [tenants[3].ref] } },
  {
    id: 'quarter-close',
    title: 'Quarter close',
    scope: { tier: ['critical'] },
    schedule: { kind: 'quarter-close', lastDays: 3, firstDays: 1 },
  },
]);
const groups = freezeGroups(tenants, windows);

/** Instants every `stepMs` from `fromIso`, `count` of them. */
const instants = (fromIso: string, stepMs: number, count: number) =>
  Array.from(
    { length: count },
    (_, i) => new Date(new Date(fromIso).getTime() + i * stepMs),
  );

describe('HeldFreezeStatuses', () => {
  it('gives at every instant what groupFreezeStatuses gives, across windows opening and closing', () => {
    const held = new HeldFreezeStatuses(groups, windows);
    // Friday 27 November 2026 around 16:00 and 20:00 in Berlin, London and New York (cut-offs
    // opening and closing), the go-live weekend's start in New York, a quarter's close.
    for (const [from, step, count] of [
      ['2026-11-27T14:58:00.000Z', 7_000, 40],
      ['2026-11-27T15:59:59.000Z', 250, 12],
      ['2026-11-27T18:59:30.000Z', 4_999, 30],
      ['2026-11-27T20:59:00.000Z', 3_000, 60],
      ['2026-12-05T04:59:00.000Z', 2_000, 60],
      ['2026-12-28T22:59:00.000Z', 30_000, 10],
    ] as const) {
      for (const instant of instants(from, step, count)) {
        expect(held.at(instant)).toEqual(
          groupFreezeStatuses(groups, instant, windows),
        );
      }
    }
  });

  it('evaluates again once a window covering a group opens, and reads again at most a minute later', () => {
    const berlinCutoff = new Date('2026-11-27T15:00:00.000Z'); // 16:00 in Berlin
    const before = new Date(berlinCutoff.getTime() - 10_000);
    expect(nextFreezeChange(groups, before, windows)).toBe(
      berlinCutoff.getTime(),
    );
    const quiet = new Date('2026-11-25T10:00:00.000Z');
    expect(nextFreezeChange(groups, quiet, windows)).toBe(
      quiet.getTime() + FREEZE_STATUS_REUSE_MS,
    );
    const held = new HeldFreezeStatuses(groups, windows);
    const first = held.at(before);
    expect(held.at(new Date(berlinCutoff.getTime() - 1))).toBe(first);
    expect(held.at(berlinCutoff)).not.toBe(first);
    // An earlier instant than the one evaluated is evaluated again.
    expect(held.at(before)).toEqual(first);
  });
});
