import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { severityCounts as counts } from './__testUtils__/severityCounts';
import { parseSarif } from './sarif';

/** A one-run log of `tool` with the given rules and results. */
function sarif(
  results: unknown[],
  rules: unknown[] = [],
  tool = 'Scanner',
): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: tool, rules } }, results }],
  });
}

describe('parseSarif', () => {
  it('reads CodeQL, whose rules live in tool extensions, by security-severity', () => {
    const facts = parseSarif(readFixture('codeql.sarif'));
    expect(facts).toMatchObject({
      kind: 'security',
      format: 'sarif',
      total: 4,
      bySeverity: counts(0, 2, 1, 1, 0),
      byTool: { CodeQL: counts(0, 2, 1, 1, 0) },
      newBySeverity: counts(0, 2, 1, 1, 0),
      suppressed: 1,
    });
    expect(facts.worst).toEqual([
      {
        tool: 'CodeQL',
        ruleId: 'js/missing-rate-limiting',
        severity: 'high',
        message:
          'This route handler performs [a database access](1), but is not rate-limited.',
        location: 'src/server.ts:23',
      },
      {
        tool: 'CodeQL',
        ruleId: 'js/sql-injection',
        severity: 'high',
        message: 'This query string depends on a [user-provided value](1).',
        location: 'src/routes/orders.ts:42',
      },
      {
        tool: 'CodeQL',
        ruleId: 'js/reflected-xss',
        severity: 'medium',
        message:
          'Cross-site scripting vulnerability due to a [user-provided value](1).',
        location: 'src/routes/search.ts:17',
      },
      {
        tool: 'CodeQL',
        ruleId: 'js/unused-local-variable',
        severity: 'low',
        message: 'Unused import logger.',
        location: 'src/server.ts:4',
      },
    ]);
  });

  it('reads Semgrep, finding rules by id and severity by their default level', () => {
    const facts = parseSarif(readFixture('semgrep.sarif'));
    expect(facts).toMatchObject({
      total: 3,
      bySeverity: counts(0, 2, 1, 0, 0),
      byTool: { 'Semgrep OSS': counts(0, 2, 1, 0, 0) },
      suppressed: 1,
    });
    expect(facts.worst.map(f => [f.severity, f.location])).toEqual([
      ['high', 'orders/views.py:58'],
      ['high', 'orders/api/client.py:33'],
      ['medium', 'orders/settings.py:26'],
    ]);
  });

  it('counts each run of a multi-run log under its own tool', () => {
    const facts = parseSarif(readFixture('trivy-and-semgrep.sarif'));
    expect(facts).toMatchObject({
      total: 5,
      bySeverity: counts(1, 1, 1, 2, 0),
      byTool: {
        Trivy: counts(1, 0, 1, 1, 0),
        'Semgrep OSS': counts(0, 1, 0, 1, 0),
      },
      newBySeverity: counts(1, 1, 1, 2, 0),
      suppressed: 0,
    });
    // Most severe first, then by tool, then by rule.
    expect(facts.worst.map(f => `${f.severity} ${f.tool} ${f.ruleId}`)).toEqual(
      [
        'critical Trivy CVE-2023-45853',
        'high Semgrep OSS dockerfile.security.last-user-is-root.last-user-is-root',
        'medium Trivy CVE-2024-28182',
        'low Semgrep OSS dockerfile.best-practice.missing-no-install-recommends.missing-no-install-recommends',
        'low Trivy CVE-2011-3374',
      ],
    );
  });

  it('counts only new findings as new when there is a baseline, and drops absent ones', () => {
    const facts = parseSarif(readFixture('eslint-baseline.sarif'));
    expect(facts).toMatchObject({
      total: 4,
      bySeverity: counts(0, 1, 3, 0, 0),
      newBySeverity: counts(0, 1, 1, 0, 0),
      // The rejected suppression does not hide its finding.
      suppressed: 0,
    });
    expect(facts.worst[0]).toEqual({
      tool: 'ESLint',
      ruleId: 'no-eval',
      severity: 'high',
      message: 'eval can be harmful.',
      location: 'file:///home/runner/work/web/web/src/admin/console.js:27',
      baselineState: 'new',
    });
    expect(facts.worst.map(f => f.baselineState)).toEqual([
      'new',
      'new',
      'unchanged',
      'updated',
    ]);
  });

  it('counts findings per rule and severity, all and new, so one rule can be waived', () => {
    const facts = parseSarif(readFixture('eslint-baseline.sarif'));
    expect(facts.rules![0]).toEqual({
      ruleId: 'no-eval',
      severity: 'high',
      count: 1,
      newCount: 1,
    });
    const all = facts.rules!.reduce((n, r) => n + r.count, 0);
    const fresh = facts.rules!.reduce((n, r) => n + r.newCount, 0);
    expect(all).toBe(facts.total);
    expect(fresh).toBe(
      Object.values(facts.newBySeverity).reduce((n, c) => n + c, 0),
    );
  });

  it('bands security-severity given as a number or a string', () => {
    const rules = [9, '7.0', 4, '0.1', 0, 'n/a'].map((score, i) => ({
      id: `r${i}`,
      properties: { 'security-severity': score },
    }));
    const results = rules.map((_, i) => ({
      ruleId: `r${i}`,
      level: 'error',
      message: { text: 'm' },
    }));
    expect(parseSarif(sarif(results, rules)).bySeverity).toEqual(
      counts(1, 2, 1, 1, 1),
    );
  });

  it('maps levels, defaulting to the rule level and then to warning', () => {
    const rules = [{ id: 'quiet', defaultConfiguration: { level: 'note' } }];
    const results = [
      { ruleId: 'x', level: 'error', message: { text: 'e' } },
      { ruleId: 'x', level: 'warning', message: { text: 'w' } },
      { ruleId: 'x', level: 'note', message: { text: 'n' } },
      { ruleId: 'x', level: 'none', message: { text: 'none' } },
      { ruleId: 'quiet', message: { text: 'rule level' } },
      { ruleId: 'unknown', message: { text: 'default' } },
      { ruleId: 'x', kind: 'review', message: { text: 'not a failure: none' } },
    ];
    expect(parseSarif(sarif(results, rules)).bySeverity).toEqual(
      counts(0, 1, 2, 2, 2),
    );
  });

  it('finds rules by ruleIndex, rule.index and toolComponent', () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'T',
              rules: [{ id: 'd0', properties: { 'security-severity': '9.5' } }],
            },
            extensions: [
              {
                name: 'pack-a',
                rules: [{ id: 'a0', properties: { 'security-severity': 2 } }],
              },
              {
                name: 'pack-b',
                rules: [{ id: 'b0', properties: { 'security-severity': 7.5 } }],
              },
            ],
          },
          results: [
            { ruleIndex: 0, message: { text: 'driver by ruleIndex' } },
            {
              rule: { index: 0, toolComponent: { index: 1 } },
              message: { text: 'extension by index' },
            },
            {
              rule: { index: 0, toolComponent: { name: 'pack-a' } },
              message: { text: 'extension by name' },
            },
            { ruleId: 'a0', message: { text: 'by id' } },
          ],
        },
      ],
    };
    const facts = parseSarif(JSON.stringify(log));
    expect(facts.bySeverity).toEqual(counts(1, 1, 0, 2, 0));
    expect(facts.worst.map(f => f.ruleId)).toEqual(['d0', 'b0', 'a0', 'a0']);
  });

  it('excludes suppressed results unless a suppression is rejected or under review', () => {
    const results = [
      {
        ruleId: 'a',
        message: { text: '1' },
        suppressions: [{ kind: 'inSource' }],
      },
      {
        ruleId: 'a',
        message: { text: '2' },
        suppressions: [{ kind: 'external', status: 'accepted' }],
      },
      {
        ruleId: 'a',
        message: { text: '3' },
        suppressions: [{ kind: 'external', status: 'rejected' }],
      },
      {
        ruleId: 'a',
        message: { text: '4' },
        suppressions: [{ kind: 'external', status: 'underReview' }],
      },
      { ruleId: 'a', message: { text: '5' }, suppressions: [] },
      {
        ruleId: 'a',
        kind: 'pass',
        message: { text: 'a pass is not a finding' },
      },
    ];
    expect(parseSarif(sarif(results))).toMatchObject({
      total: 3,
      suppressed: 2,
    });
  });

  it('treats a run whose results are null as a run without findings', () => {
    const log = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'Broken' } }, results: null }],
    };
    expect(parseSarif(JSON.stringify(log))).toMatchObject({
      total: 0,
      byTool: { Broken: counts(0, 0, 0, 0, 0) },
      worst: [],
    });
  });

  it('keeps the 20 worst findings with messages of at most 500 characters', () => {
    const results = Array.from({ length: 30 }, (_, i) => ({
      ruleId: `r${String(i).padStart(2, '0')}`,
      level: i === 29 ? 'error' : 'note',
      message: { text: 'm'.repeat(800) },
    }));
    const facts = parseSarif(sarif(results));
    expect(facts.total).toBe(30);
    expect(facts.worst).toHaveLength(20);
    expect(facts.worst[0]).toMatchObject({ ruleId: 'r29', severity: 'high' });
    expect(facts.worst[1].ruleId).toBe('r00');
    expect(facts.worst[0].message).toHaveLength(500);
  });

  it('keeps a tool named like an Object.prototype property as data', () => {
    const facts = parseSarif(
      sarif([{ ruleId: 'a', message: { text: 'x' } }], [], '__proto__'),
    );
    expect(Object.keys(facts.byTool)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).medium).toBeUndefined();
  });

  it('refuses logs that are not SARIF 2.1.0', () => {
    expect(() => parseSarif('{"version": "2.1.0"')).toThrow(
      /^SARIF log is not valid JSON: /,
    );
    expect(() => parseSarif('[]')).toThrow(
      new InputError('SARIF log is not a JSON object'),
    );
    expect(() => parseSarif('{"version":"2.0.0","runs":[]}')).toThrow(
      new InputError(
        'SARIF log has version "2.0.0"; Waybill reads SARIF 2.1.0',
      ),
    );
    expect(() => parseSarif('{"version":"2.1.0"}')).toThrow(
      new InputError('SARIF log has no "runs" array'),
    );
    expect(() => parseSarif('{"version":"2.1.0","runs":{}}')).toThrow(
      new InputError('SARIF log has no "runs" array'),
    );
  });

  it('refuses malformed runs, listing each problem with its path', () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: {} },
          results: [{ ruleId: 'a', level: 'fatal', message: { text: 'x' } }],
        },
      ],
    };
    expect(() => parseSarif(JSON.stringify(log))).toThrow(
      /^SARIF log is invalid: runs\[0\]\.tool\.driver\.name: .*; runs\[0\]\.results\[0\]\.level: /,
    );
  });
});
