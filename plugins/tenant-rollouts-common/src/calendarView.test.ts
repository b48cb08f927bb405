import { aTenant } from './__testUtils__/demoTenants';
import { freezeCalendar } from './calendarView';
import { parseFreezeWindows } from './freezeCalendar';
import { FRIDAY_CUTOFF, GO_LIVE } from './__testUtils__/freezeWindows';

describe('freezeCalendar', () => {
  const tenants = [
    aTenant('berlin-a', { timeZone: 'Europe/Berlin' }),
    aTenant('berlin-b', { timeZone: 'Europe/Berlin' }),
    aTenant('london', { timeZone: 'Europe/London' }),
    aTenant('chicago', {
      region: 'north-america',
      timeZone: 'America/Chicago',
    }),
  ];
  const windows = parseFreezeWindows([
    { ...FRIDAY_CUTOFF, scope: { region: ['europe'] } },
    { ...GO_LIVE, scope: { tenants: ['nobody'] } },
  ]);

  it('merges one local occurrence across the zones it is read in', () => {
    const calendar = freezeCalendar(
      windows,
      tenants,
      new Date('2026-11-23T00:00:00Z'),
      new Date('2026-12-08T00:00:00Z'),
    );
    const [cutoff, goLive] = calendar.windows;
    expect(cutoff.tenants).toBe(3);
    expect(cutoff.occurrences).toEqual([
      {
        localStart: '2026-11-27T16:00',
        localEnd: '2026-11-27T20:00',
        // Berlin opens first (15:00Z) and London closes last (20:00Z).
        start: '2026-11-27T15:00:00.000Z',
        end: '2026-11-27T20:00:00.000Z',
        zones: ['Europe/Berlin', 'Europe/London'],
        tenants: 3,
      },
      expect.objectContaining({
        localStart: '2026-12-04T16:00',
        tenants: 3,
      }),
    ]);
    // A window over no tenant is still shown, in its own zone.
    expect(goLive).toMatchObject({
      tenants: 0,
      occurrences: [
        {
          localStart: '2026-12-05T00:00',
          start: '2026-12-05T05:00:00.000Z',
          zones: ['America/New_York'],
          tenants: 0,
        },
      ],
    });
  });
});
