import { CalendarWindow } from '@waybill/plugin-tenant-rollouts-common';
import {
  freezeCalendarOf,
  FRIDAY_CUTOFF,
  RETAIL_PEAK,
} from '../../__testUtils__/fixtures';
import {
  calendarRange,
  groupByScope,
  monthTicks,
  nextOccurrences,
  positionOf,
  rangeDaysOf,
  spanOf,
} from './timeline';

const NOW = new Date('2026-11-23T10:00:00Z');
const range = calendarRange(NOW, 30);

describe('timeline', () => {
  it('reads the range from the URL and starts it at the start of the day', () => {
    expect(rangeDaysOf('30')).toBe(30);
    expect(rangeDaysOf('180')).toBe(180);
    expect(rangeDaysOf('45')).toBe(90);
    expect(rangeDaysOf(null)).toBe(90);
    expect(range).toEqual({
      from: new Date('2026-11-23T00:00:00Z'),
      to: new Date('2026-12-23T00:00:00Z'),
    });
  });

  it('places instants and bars by percentage of the range, clamped to it', () => {
    expect(positionOf(new Date('2026-12-08T00:00:00Z'), range)).toBe(50);
    expect(positionOf(new Date('2026-11-22T00:00:00Z'), range)).toBeUndefined();
    expect(
      spanOf(
        { start: '2026-11-29T00:00:00Z', end: '2026-12-02T00:00:00Z' },
        range,
      ),
    ).toEqual({ left: 20, width: 10 });
    expect(
      spanOf(
        { start: '2026-11-20T00:00:00Z', end: '2026-11-26T00:00:00Z' },
        range,
      ),
    ).toEqual({ left: 0, width: 10 });
    expect(
      spanOf(
        { start: '2026-12-20T00:00:00Z', end: '2027-01-06T00:00:00Z' },
        range,
      ),
    ).toEqual({ left: 90, width: 10 });
    expect(
      spanOf(
        { start: '2026-12-24T00:00:00Z', end: '2026-12-25T00:00:00Z' },
        range,
      ),
    ).toBeUndefined();
  });

  it('ticks the first of each month in the range', () => {
    expect(monthTicks(calendarRange(NOW, 90))).toEqual([
      { label: 'Dec 2026', left: (8 / 90) * 100 },
      { label: 'Jan 2027', left: (39 / 90) * 100 },
      { label: 'Feb 2027', left: (70 / 90) * 100 },
    ]);
  });

  const calendar = freezeCalendarOf(
    [
      RETAIL_PEAK,
      FRIDAY_CUTOFF,
      {
        id: 'retail-stocktake',
        title: 'Retail stocktake',
        scope: { segment: ['retail'] },
        schedule: { kind: 'quarter-close', lastDays: 2, firstDays: 0 },
      },
    ],
    range,
  );

  it('groups windows by scope, everyone first', () => {
    const ids = (w: CalendarWindow[]) => w.map(window => window.id);
    expect(
      groupByScope(calendar.windows).map(g => [g.scope, ids(g.windows)]),
    ).toEqual([
      ['Everyone', ['friday-cutoff']],
      ['Segment retail', ['retail-peak', 'retail-stocktake']],
    ]);
  });

  it('lists the occurrences not over yet, soonest first, marking those holding now', () => {
    const next = nextOccurrences(calendar.windows, NOW, 3);
    expect(
      next.map(n => [n.window.id, n.occurrence.localStart, n.current]),
    ).toEqual([
      ['retail-peak', '2026-11-20T00:00', true],
      ['friday-cutoff', '2026-11-27T16:00', false],
      ['friday-cutoff', '2026-12-04T16:00', false],
    ]);
    // Later in the range, the past Fridays are gone.
    expect(
      nextOccurrences(
        calendar.windows,
        new Date('2026-12-20T00:00:00Z'),
        10,
      ).map(n => n.window.id),
    ).toEqual(['retail-peak']);
  });
});
