import fc from 'fast-check';
import { DateTime } from 'luxon';
import { aTenant, demoTenants } from './__testUtils__/demoTenants';
import { FRIDAY_CUTOFF, RETAIL_PEAK } from './__testUtils__/freezeWindows';
import {
  FreezeWindow,
  freezeStatus,
  freezeStatuses,
  occurrencesBetween,
  parseFreezeWindows,
} from './freezeCalendar';

const berlin = aTenant('acme-foods', {
  region: 'europe',
  timeZone: 'Europe/Berlin',
});
const chicago = aTenant('prairie-supply', {
  region: 'north-america',
  timeZone: 'America/Chicago',
});

const windows = parseFreezeWindows([
  FRIDAY_CUTOFF,
  {
    id: 'weekend-night',
    title: 'Weekend night batch',
    scope: { region: ['europe'] },
    schedule: { kind: 'weekly', days: ['sat'], from: '22:00', to: '04:00' },
  },
  RETAIL_PEAK,
  {
    id: 'quarter-close',
    title: 'Quarter close',
    scope: { tier: ['critical'] },
    schedule: { kind: 'quarter-close', lastDays: 3, firstDays: 1 },
  },
]);

const status = (
  tenant: typeof berlin,
  iso: string,
  ws: FreezeWindow[] = windows,
) => freezeStatus(tenant, new Date(iso), ws);

describe('freezeStatus', () => {
  it('keeps a weekly cut-off at local wall-clock time on both sides of a DST change', () => {
    // Berlin is UTC+1 until 29 March 2026, UTC+2 after.
    expect(status(berlin, '2026-03-27T15:30:00Z')).toMatchObject({
      frozen: true,
      windows: [
        {
          id: 'friday-cutoff',
          start: '2026-03-27T16:00:00.000+01:00',
          end: '2026-03-27T20:00:00.000+01:00',
        },
      ],
      opensAt: '2026-03-27T19:00:00.000Z',
    });
    expect(status(berlin, '2026-04-03T14:30:00Z')).toMatchObject({
      frozen: true,
      opensAt: '2026-04-03T18:00:00.000Z',
    });
    // 15:30 local after the change is before the cut-off.
    expect(status(berlin, '2026-04-03T13:30:00Z')).toEqual({ frozen: false });
  });

  it('reads each tenant’s window in its own time zone', () => {
    // 22:00 UTC on a Friday: 23:00 in Berlin (after the cut-off), 16:00 in Chicago (in it).
    expect(status(berlin, '2026-05-15T22:00:00Z').frozen).toBe(false);
    expect(status(chicago, '2026-05-15T22:00:00Z')).toMatchObject({
      frozen: true,
      opensAt: '2026-05-16T01:00:00.000Z',
    });
  });

  it('handles a night window across the spring-forward hour that does not exist', () => {
    // Saturday 28 March 22:00 CET to Sunday 29 March 04:00 CEST: five real hours.
    expect(status(berlin, '2026-03-29T01:30:00Z')).toMatchObject({
      frozen: true,
      windows: [{ id: 'weekend-night', end: '2026-03-29T04:00:00.000+02:00' }],
      opensAt: '2026-03-29T02:00:00.000Z',
    });
    expect(status(berlin, '2026-03-29T02:00:00Z')).toEqual({ frozen: false });
    // The window is scoped to Europe.
    expect(status(chicago, '2026-03-29T01:30:00Z').frozen).toBe(false);
  });

  it('handles the repeated autumn hour in Chicago', () => {
    const cutoff = parseFreezeWindows([
      {
        id: 'sunday-early',
        title: 'Sunday early batch',
        schedule: { kind: 'weekly', days: ['sun'], from: '00:30', to: '03:00' },
      },
    ]);
    // 1 November 2026: 02:00 CDT falls back to 01:00 CST; the window lasts 3.5 real hours.
    expect(status(chicago, '2026-11-01T07:30:00Z', cutoff)).toMatchObject({
      frozen: true,
      opensAt: '2026-11-01T09:00:00.000Z',
    });
  });

  it('covers a peak season across new year, for its segment only', () => {
    const retail = aTenant('high-street', { segment: 'retail' });
    expect(status(retail, '2026-12-31T12:00:00Z')).toMatchObject({
      frozen: true,
      windows: [
        {
          id: 'retail-peak',
          start: '2026-11-20T00:00:00.000+01:00',
          end: '2027-01-06T00:00:00.000+01:00',
        },
      ],
      opensAt: '2027-01-05T23:00:00.000Z',
    });
    expect(status(retail, '2027-01-03T12:00:00Z').frozen).toBe(true);
    expect(status(retail, '2027-01-06T12:00:00Z').frozen).toBe(false);
    expect(status(berlin, '2026-12-31T12:00:00Z').frozen).toBe(false);
  });

  it('freezes critical tenants over quarter close', () => {
    const critical = aTenant('big-dc', { tier: 'critical' });
    expect(status(critical, '2026-09-27T12:00:00Z').frozen).toBe(false);
    expect(status(critical, '2026-09-29T12:00:00Z')).toMatchObject({
      frozen: true,
      windows: [{ id: 'quarter-close' }],
      opensAt: '2026-10-01T22:00:00.000Z',
    });
    expect(status(critical, '2026-10-01T12:00:00Z').frozen).toBe(true);
  });

  it('follows windows that chain, and reads a window in its own zone when it names one', () => {
    const chained = parseFreezeWindows([
      {
        id: 'inventory-count',
        title: 'Year-end inventory count',
        timeZone: 'UTC',
        schedule: {
          kind: 'one-off',
          start: '2026-12-30T00:00',
          end: '2027-01-01T00:00',
        },
      },
      {
        id: 'new-year',
        title: 'New year',
        scope: { tenants: ['acme-foods'] },
        timeZone: 'UTC',
        schedule: {
          kind: 'one-off',
          start: '2026-12-31T18:00',
          end: '2027-01-02T06:00',
        },
      },
    ]);
    expect(status(berlin, '2026-12-30T10:00:00Z', chained)).toMatchObject({
      frozen: true,
      windows: [{ id: 'inventory-count' }],
      opensAt: '2027-01-02T06:00:00.000Z',
    });
    expect(status(chicago, '2026-12-30T10:00:00Z', chained)).toMatchObject({
      opensAt: '2027-01-01T00:00:00.000Z',
    });
  });

  it('refuses windows it cannot read, naming each problem', () => {
    expect(() =>
      parseFreezeWindows([
        {
          id: 'x',
          title: 'x',
          schedule: { kind: 'weekly', days: ['fri'], from: '25:00', to: '1pm' },
        },
        {
          id: 'y',
          title: 'y',
          schedule: { kind: 'yearly', from: '02-29', to: '02-30' },
        },
        {
          id: 'z',
          title: 'z',
          timeZone: 'Mars/Olympus',
          schedule: {
            kind: 'one-off',
            start: '2026-12-02T00:00',
            end: '2026-12-01T00:00',
          },
        },
      ]),
    ).toThrow(
      /windows\.0\.schedule\.from: a 24-hour local time.*windows\.1\.schedule\.from: February 29th.*windows\.1\.schedule\.to: a day that exists.*windows\.2\.timeZone: an IANA time zone.*windows\.2\.schedule\.end: must be after start/,
    );
  });

  it('opens when it says it opens, and only a covering window freezes (property)', () => {
    const zones = [
      'Europe/Berlin',
      'America/Chicago',
      'Australia/Sydney',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (timeZone, instant) => {
          const tenant = aTenant('t', {
            timeZone,
            segment: 'retail',
            tier: 'critical',
          });
          const result = freezeStatus(tenant, instant, windows);
          const opens = result.frozen ? new Date(result.opensAt) : instant;
          const frozenAt = (t: Date) => freezeStatus(tenant, t, windows).frozen;
          // Open at opensAt, after the instant asked about, and frozen a second before.
          expect(
            !result.frozen ||
              (opens > instant &&
                !frozenAt(opens) &&
                frozenAt(new Date(opens.getTime() - 1000))),
          ).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('occurrencesBetween', () => {
  const local = (o: { start: DateTime; end: DateTime }) =>
    `${o.start.toISO()} ${o.end.toISO()}`;
  /** The occurrences of `windows[index]` read in `timeZone` between two UTC times. */
  const occurrencesOf = (
    index: number,
    timeZone: string,
    from: string,
    to: string,
  ) =>
    occurrencesBetween(
      windows[index].schedule,
      timeZone,
      DateTime.fromISO(from, { zone: 'utc' }),
      DateTime.fromISO(to, { zone: 'utc' }),
    );

  it.each([
    [
      'a weekly cut-off at 16:00 local on both sides of a DST change',
      { index: 0, timeZone: 'Europe/Berlin' },
      ['2026-10-20T00:00', '2026-11-03T00:00'],
      [
        '2026-10-23T16:00:00.000+02:00 2026-10-23T20:00:00.000+02:00',
        '2026-10-30T16:00:00.000+01:00 2026-10-30T20:00:00.000+01:00',
      ],
    ],
    [
      'an occurrence that started before the range',
      { index: 1, timeZone: 'Europe/Berlin' },
      ['2026-11-29T01:00', '2026-11-29T02:00'],
      ['2026-11-28T22:00:00.000+01:00 2026-11-29T04:00:00.000+01:00'],
    ],
    [
      'an occurrence across new year',
      { index: 2, timeZone: 'America/Chicago' },
      ['2026-12-01T00:00', '2027-02-01T00:00'],
      ['2026-11-20T00:00:00.000-06:00 2027-01-06T00:00:00.000-06:00'],
    ],
  ])('lists %s', (_, { index, timeZone }, [from, to], expected) => {
    expect(occurrencesOf(index, timeZone, from, to).map(local)).toEqual(
      expected,
    );
  });

  it('lists the quarter closes of a year, the one that started before it included', () => {
    const quarters = occurrencesOf(
      3,
      'UTC',
      '2026-01-01T00:00',
      '2027-01-01T00:00',
    );
    expect(quarters.map(o => o.start.toISODate())).toEqual([
      '2025-12-29',
      '2026-03-29',
      '2026-06-28',
      '2026-09-28',
      '2026-12-29',
    ]);
  });

  it('agrees with freezeStatus: an instant is frozen exactly when an occurrence holds it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...windows),
        fc.constantFrom('Europe/Berlin', 'America/Chicago', 'Asia/Tokyo'),
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (window, timeZone, instant) => {
          const tenant = aTenant('t', {
            timeZone,
            segment: 'retail',
            tier: 'critical',
          });
          const at = DateTime.fromJSDate(instant);
          const day = occurrencesBetween(
            window.schedule,
            timeZone,
            at.minus({ days: 1 }),
            at.plus({ days: 1 }),
          );
          const holds = day.some(o => o.start <= at && at < o.end);
          expect(freezeStatus(tenant, instant, [window]).frozen).toBe(holds);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('freezeStatuses', () => {
  it('gives every tenant what freezeStatus gives it alone', () => {
    const tenants = demoTenants();
    const named = parseFreezeWindows([
      ...windows,
      {
        id: 'migration',
        title: 'Data migration',
        scope: { tenants: [tenants[5].ref] },
        schedule: {
          kind: 'one-off',
          start: '2026-11-27T00:00',
          end: '2026-11-28T00:00',
        },
      },
    ]);
    for (const iso of ['2026-11-27T17:30:00Z', '2026-12-31T02:00:00Z']) {
      const instant = new Date(iso);
      for (const ws of [windows, named]) {
        const all = freezeStatuses(tenants, instant, ws);
        expect(tenants.map(t => all.get(t.ref))).toEqual(
          tenants.map(t => freezeStatus(t, instant, ws)),
        );
      }
    }
  });
});
