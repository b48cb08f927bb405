import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useLocation } from 'react-router-dom';
import {
  freezeCalendarOf,
  FRIDAY_CUTOFF,
  RETAIL_PEAK,
} from '../../__testUtils__/fixtures';
import {
  renderRollouts,
  ROLLOUTS_URL,
  setupRolloutsServer,
} from '../../__testUtils__/renderRollouts';
import { FreezeCalendarPage } from './FreezeCalendarPage';

const server = setupRolloutsServer();

const NOW = new Date('2026-11-23T10:00:00Z');
const DAY_MS = 86_400_000;

const WINDOWS = [
  FRIDAY_CUTOFF,
  RETAIL_PEAK,
  {
    id: 'europe-critical-audit',
    title: 'Audit of critical European tenants',
    scope: { region: ['europe'], tier: ['critical'] },
    schedule: {
      kind: 'one-off',
      start: '2027-01-15T00:00',
      end: '2027-01-16T00:00',
    },
  },
  {
    id: 'go-live',
    title: 'Go-live weekend',
    timeZone: 'America/New_York',
    scope: { tenants: ['tenant-0004'] },
    schedule: {
      kind: 'one-off',
      start: '2026-12-05T00:00',
      end: '2026-12-07T00:00',
    },
  },
];

/** The backend's answer for the windows over 30 tenants, computed as the backend does; records the ranges asked. */
function calendarBackend(windows = WINDOWS) {
  const ranges: Array<{ from: Date; to: Date }> = [];
  server.use(
    http.get(`${ROLLOUTS_URL}/freeze-calendar`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const range = {
        from: new Date(params.get('from')!),
        to: new Date(params.get('to')!),
      };
      ranges.push(range);
      return HttpResponse.json(freezeCalendarOf(windows, range));
    }),
  );
  return ranges;
}

function Search() {
  return <div data-testid="search">{useLocation().search}</div>;
}

const days = (range: { from: Date; to: Date }) =>
  (range.to.getTime() - range.from.getTime()) / DAY_MS;

describe('FreezeCalendarPage', () => {
  beforeEach(() => {
    // Only the clock is fixed; timers run as usual for msw and the UI.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('shows the windows grouped by scope, with a bar for each occurrence', async () => {
    const ranges = calendarBackend();
    await renderRollouts(<FreezeCalendarPage />, {
      routeEntries: ['/tenant-rollouts/freeze-calendar'],
    });

    const everyone = await screen.findByRole('group', { name: 'Everyone' });
    expect(ranges).toEqual([
      {
        from: new Date('2026-11-23T00:00:00Z'),
        to: new Date('2027-02-21T00:00:00Z'),
      },
    ]);
    expect(everyone).toHaveTextContent('Friday shipping cut-off');
    expect(everyone).toHaveTextContent(
      'Every Fri 16:00–20:00 local · 30 tenants',
    );
    const fridays = within(everyone).getAllByRole('img');
    expect(fridays).toHaveLength(13);
    expect(fridays[0]).toHaveAccessibleName(
      'Friday shipping cut-off 2026-11-27T16:00 → 2026-11-27T20:00',
    );

    // Running since before the range: its bar starts at the left edge.
    const retail = screen.getByRole('group', { name: 'Segment retail' });
    expect(retail).toHaveTextContent('Every year 11-20 → 01-05 · 9 tenants');
    const peak = within(retail).getByRole('img', {
      name: 'Retail peak season 2026-11-20T00:00 → 2027-01-06T00:00',
    });
    expect(peak.style.left).toBe('0%');

    expect(
      within(
        screen.getByRole('group', { name: 'Region europe · Tier critical' }),
      ).getByRole('img', {
        name: 'Audit of critical European tenants 2027-01-15T00:00 → 2027-01-16T00:00',
      }),
    ).toBeInTheDocument();
    const goLive = screen.getByRole('group', { name: 'Tenants tenant-0004' });
    expect(goLive).toHaveTextContent(
      'One-off 2026-12-05 00:00 → 2026-12-07 00:00 America/New_York · 1 tenant',
    );
    expect(within(goLive).getAllByRole('img')).toHaveLength(1);
    expect(screen.getByText('Dec 2026')).toBeInTheDocument();
    expect(screen.getByText('Feb 2027')).toBeInTheDocument();

    // What comes next, soonest first: the retail peak holds now.
    const [, first, second] = within(
      screen.getByRole('table', { name: 'Next freezes' }),
    ).getAllByRole('row');
    expect(first).toHaveTextContent('Retail peak seasonnow');
    expect(first).toHaveTextContent(
      'America/Chicago, Asia/Singapore, Europe/Berlin',
    );
    expect(second).toHaveTextContent('Friday shipping cut-off');
    expect(second).toHaveTextContent('2026-11-27 16:00–20:00 local');
    expect(second).not.toHaveTextContent('now');
  });

  it('refetches for another range and keeps it in the URL', async () => {
    const ranges = calendarBackend();
    await renderRollouts(
      <>
        <FreezeCalendarPage />
        <Search />
      </>,
      { routeEntries: ['/tenant-rollouts/freeze-calendar?days=180'] },
    );

    await screen.findByRole('group', { name: 'Everyone' });
    expect(days(ranges[0])).toBe(180);
    expect(
      screen.getByRole('button', { name: 'Next 180 days' }),
    ).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Next 30 days' }));
    await waitFor(() => expect(ranges).toHaveLength(2));
    expect(ranges[1].from).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(days(ranges[1])).toBe(30);
    expect(screen.getByTestId('search')).toHaveTextContent('?days=30');
    await waitFor(() =>
      expect(
        screen.queryByRole('img', {
          name: /Audit of critical European tenants/,
        }),
      ).not.toBeInTheDocument(),
    );
    expect(
      within(screen.getByRole('group', { name: 'Everyone' })).getAllByRole(
        'img',
      ),
    ).toHaveLength(4);
  });

  it('shows how to configure freeze windows when there are none', async () => {
    calendarBackend([]);
    await renderRollouts(<FreezeCalendarPage />, {
      routeEntries: ['/tenant-rollouts/freeze-calendar'],
    });

    expect(
      await screen.findByText('No freeze windows configured'),
    ).toBeInTheDocument();
    expect(screen.getByText(/tenantRollouts:/)).toBeInTheDocument();
  });
});
