import { parseFreezeWindows } from '@waybill/plugin-tenant-rollouts-common';
import {
  formatActor,
  formatLocalTime,
  formatOpensAt,
  formatRelative,
  formatSpan,
  formatTenants,
  formatTime,
  formatTimeLeft,
  scheduleInWords,
  scopeInWords,
  strategyPreview,
  waveProgress,
} from './format';
import { STRATEGY } from '../../__testUtils__/fixtures';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('format', () => {
  it('says how long ago or how soon, in the largest unit that fits', () => {
    expect(formatRelative('2026-11-23T09:59:30Z', NOW)).toBe('just now');
    expect(formatRelative('2026-11-23T09:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-23T07:00:00Z', NOW)).toBe('3 hours ago');
    expect(formatRelative('2026-11-22T09:00:00Z', NOW)).toBe('yesterday');
    expect(formatRelative('2026-11-25T10:00:00Z', NOW)).toBe('in 2 days');
    expect(formatRelative('2026-10-01T10:00:00Z', NOW)).toBe('last month');
  });

  it('formats times, spans, actors and tenant counts', () => {
    expect(formatTime('2026-11-23T14:05:09.000Z')).toBe('2026-11-23 14:05 UTC');
    expect(
      formatOpensAt('2026-11-27T20:00:00.000Z', NOW, {
        timeZone: 'Europe/Berlin',
        locale: 'en-US',
      }),
    ).toBe('Fri, Nov 27, 2026, 09:00 PM GMT+1 (in 4 days)');
    expect(formatSpan('2026-11-27T16:00', '2026-11-27T20:00')).toBe(
      '2026-11-27 16:00–20:00',
    );
    expect(
      formatSpan('2026-12-24T05:00:00.000Z', '2026-12-27T05:00:00.000Z'),
    ).toBe('2026-12-24 05:00 → 2026-12-27 05:00');
    expect(formatActor('user:default/ana')).toBe('ana');
    expect(formatActor('user:partners/ana')).toBe('user:partners/ana');
    expect(formatTenants(1)).toBe('1 tenant');
    expect(formatTenants(1200)).toBe('1,200 tenants');
  });

  it("writes times in the reader's zone and language, naming the zone", () => {
    const iso = '2026-11-27T20:00:00.000Z';
    expect(
      formatLocalTime(iso, { timeZone: 'Asia/Singapore', locale: 'en-GB' }),
    ).toBe('Sat, 28 Nov 2026, 04:00 GMT+8');
    expect(
      formatLocalTime(iso, { timeZone: 'America/Chicago', locale: 'en-US' }),
    ).toBe('Fri, Nov 27, 2026, 02:00 PM CST');
  });

  it('says how long is left, rounded up to the minute', () => {
    const at = (minutes: number) =>
      new Date(NOW.getTime() + minutes * 60_000).toISOString();
    expect(formatTimeLeft(at(24.2), NOW)).toBe('25 minutes');
    expect(formatTimeLeft(at(1), NOW)).toBe('1 minute');
    expect(formatTimeLeft(at(65), NOW)).toBe('1 hour 5 minutes');
    expect(formatTimeLeft(at(120), NOW)).toBe('2 hours');
    expect(formatTimeLeft(at(51 * 60), NOW)).toBe('2 days 3 hours');
    expect(formatTimeLeft(at(-5), NOW)).toBe('less than a minute');
  });

  it('counts the waves a rollout has reached', () => {
    expect(
      waveProgress({ state: 'planned', currentWave: 0, waveCount: 4 }),
    ).toBe('0 / 4');
    expect(
      waveProgress({ state: 'running', currentWave: 1, waveCount: 4 }),
    ).toBe('2 / 4');
    expect(
      waveProgress({ state: 'completed', currentWave: 3, waveCount: 4 }),
    ).toBe('4 / 4');
  });

  it('previews a strategy in one line', () => {
    expect(strategyPreview(STRATEGY)).toBe(
      'canary (internal) → europe → everyone-else · dedicated & critical last',
    );
    expect(
      strategyPreview({
        waves: [
          {
            name: 'canary',
            select: { tier: ['internal'] },
            bakeMinutes: 60,
            healthThreshold: 1,
          },
          {
            name: 'europe',
            select: { region: ['europe'] },
            percent: 25,
            bakeMinutes: 60,
            healthThreshold: 0.95,
          },
          {
            name: 'pilots',
            select: { segment: ['retail'], cloud: ['aws', 'gcp'] },
            bakeMinutes: 60,
            healthThreshold: 1,
          },
          {
            name: 'everyone-else',
            select: {},
            bakeMinutes: 60,
            healthThreshold: 1,
          },
        ],
        forceLast: ['critical'],
      }),
    ).toBe(
      'canary (internal) → europe 25% → pilots (retail, aws, gcp) → everyone-else · critical last',
    );
    expect(
      strategyPreview({
        waves: [
          { name: 'all', select: {}, bakeMinutes: 0, healthThreshold: 1 },
        ],
        forceLast: [],
      }),
    ).toBe('all');
  });

  it('puts each kind of freeze schedule in words', () => {
    expect(
      scheduleInWords({
        kind: 'weekly',
        days: ['fri'],
        from: '16:00',
        to: '20:00',
      }),
    ).toBe('Every Fri 16:00–20:00 local');
    expect(
      scheduleInWords(
        { kind: 'weekly', days: ['sun', 'sat'], from: '22:00', to: '06:00' },
        'Europe/Berlin',
      ),
    ).toBe('Every Sat, Sun 22:00–06:00 (next day) Europe/Berlin');
    expect(
      scheduleInWords({
        kind: 'weekly',
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        from: '02:00',
        to: '03:00',
      }),
    ).toBe('Every day 02:00–03:00 local');
    expect(
      scheduleInWords({ kind: 'yearly', from: '11-20', to: '01-05' }),
    ).toBe('Every year 11-20 → 01-05');
    expect(
      scheduleInWords({ kind: 'quarter-close', lastDays: 3, firstDays: 1 }),
    ).toBe('Quarter close: last 3 days + first 1 day');
    expect(
      scheduleInWords({ kind: 'quarter-close', lastDays: 1, firstDays: 0 }),
    ).toBe('Quarter close: last 1 day');
    expect(
      scheduleInWords(
        {
          kind: 'one-off',
          start: '2026-12-24T06:00',
          end: '2026-12-27T06:00',
        },
        'America/New_York',
      ),
    ).toBe('One-off 2026-12-24 06:00 → 2026-12-27 06:00 America/New_York');
  });

  it('says whom a freeze window covers', () => {
    const [everyone, combined, named] = parseFreezeWindows([
      {
        id: 'everyone',
        title: 'Everyone',
        schedule: { kind: 'yearly', from: '12-24', to: '12-26' },
      },
      {
        id: 'combined',
        title: 'Combined',
        scope: { region: ['europe'], tier: ['critical', 'standard'] },
        schedule: { kind: 'yearly', from: '12-24', to: '12-26' },
      },
      {
        id: 'named',
        title: 'Named',
        scope: { tenants: ['resource:default/acme-foods', 'globex'] },
        schedule: { kind: 'yearly', from: '12-24', to: '12-26' },
      },
    ]);
    expect(scopeInWords(everyone.scope)).toBe('Everyone');
    expect(scopeInWords(combined.scope)).toBe(
      'Region europe · Tier critical, standard',
    );
    expect(scopeInWords(named.scope)).toBe('Tenants acme-foods, globex');
  });
});
