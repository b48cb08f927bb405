import { DEFAULT_POLICY } from './defaultPolicy';
import { FACT_NAMES } from './facts';
import { InvalidPolicyError, parsePolicy, PolicyIssue } from './schema';

const validCheck = {
  id: 'line-coverage',
  title: 'Line coverage floor',
  fixHint: 'Add tests.',
  fact: 'coverage.lineRate',
  operator: '>=',
  threshold: 0.7,
  weight: 10,
  enforcement: 'fail',
};

function issuesOf(raw: unknown): PolicyIssue[] {
  try {
    parsePolicy(raw);
  } catch (error) {
    if (error instanceof InvalidPolicyError) return error.issues;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

describe('parsePolicy', () => {
  it('accepts the default policy unchanged', () => {
    expect(parsePolicy(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
  });

  it('accepts a policy as written in YAML, with tier and environment overrides', () => {
    const policy = parsePolicy({
      checks: [
        {
          ...validCheck,
          tiers: {
            critical: { threshold: 0.8 },
            internal: { enforcement: 'warn' },
          },
          environments: { staging: { enforcement: 'warn' } },
        },
      ],
    });
    expect(policy.checks[0].tiers?.critical?.threshold).toBe(0.8);
  });

  it('names an unknown fact and lists the known ones', () => {
    expect(
      issuesOf({
        checks: [
          validCheck,
          validCheck,
          { ...validCheck, id: 'c', fact: 'coverage.line' },
        ],
      }),
    ).toContainEqual({
      path: 'checks[2].fact',
      message: `unknown fact "coverage.line"; known facts: ${FACT_NAMES.join(
        ', ',
      )}`,
    });
  });

  it('lists every issue of every check in one error', () => {
    const issues = issuesOf({
      checks: [
        { ...validCheck, weight: 0, threshold: 80 },
        {
          ...validCheck,
          id: 'kill-switch',
          fact: 'readiness.killSwitch',
          operator: '<=',
          threshold: 1,
          enforcment: 'warn',
        },
        { ...validCheck, id: 'Line Coverage', enforcement: 'block' },
      ],
    });
    expect(issues.map(issue => issue.path)).toEqual([
      'checks[0].weight',
      'checks[0].threshold',
      'checks[1]',
      'checks[1].operator',
      'checks[1].threshold',
      'checks[2].id',
      'checks[2].enforcement',
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'checks[0].weight',
          message: 'expected a weight greater than 0',
        },
        {
          path: 'checks[0].threshold',
          message:
            '80 is out of range for fact "coverage.lineRate": expected 0 to 1 (a fraction: write 0.8 for 80%)',
        },
        { path: 'checks[1]', message: 'Unrecognized key: "enforcment"' },
        {
          path: 'checks[1].operator',
          message:
            '"<=" does not apply to true/false fact "readiness.killSwitch"; use "=="',
        },
        {
          path: 'checks[1].threshold',
          message:
            'fact "readiness.killSwitch" is true/false; expected true or false, got 1',
        },
      ]),
    );
  });

  it('puts every issue with its path in the error message', () => {
    expect(() =>
      parsePolicy({ checks: [{ ...validCheck, weight: -1 }] }),
    ).toThrow(
      'Invalid scorecard policy:\n  checks[0].weight: expected a weight greater than 0',
    );
  });

  it('rejects duplicate check ids, even next to other invalid checks', () => {
    expect(
      issuesOf({
        checks: [validCheck, { ...validCheck, weight: 'heavy' }, validCheck],
      }),
    ).toEqual([
      {
        path: 'checks[1].weight',
        message: 'Invalid input: expected number, received string',
      },
      {
        path: 'checks[1].id',
        message: 'duplicate check id "line-coverage" (also checks[0])',
      },
      {
        path: 'checks[2].id',
        message: 'duplicate check id "line-coverage" (also checks[0])',
      },
    ]);
  });

  it('checks a tier threshold against the fact like the default threshold', () => {
    expect(
      issuesOf({
        checks: [{ ...validCheck, tiers: { critical: { threshold: true } } }],
      }),
    ).toEqual([
      {
        path: 'checks[0].tiers.critical.threshold',
        message:
          'fact "coverage.lineRate" is a number; expected a number, got true',
      },
    ]);
  });

  it('rejects a negative count threshold and a SLSA build level above 3', () => {
    expect(
      issuesOf({
        checks: [
          {
            ...validCheck,
            fact: 'tests.failed',
            operator: '<=',
            threshold: -1,
          },
          {
            ...validCheck,
            id: 'slsa',
            fact: 'provenance.slsaBuildLevel',
            threshold: 4,
          },
        ],
      }).map(issue => issue.message),
    ).toEqual([
      '-1 is out of range for fact "tests.failed": expected at least 0',
      '4 is out of range for fact "provenance.slsaBuildLevel": expected 0 to 3',
    ]);
  });

  it('names what replaced a retired fact', () => {
    expect(
      issuesOf({
        checks: [{ ...validCheck, fact: 'readiness.signatureVerified' }],
      })[0].message,
    ).toMatch(
      /^unknown fact "readiness.signatureVerified" \(retired: Waybill verifies signatures itself; use signature.verified\); known facts: /,
    );
  });

  it('rejects an unknown tier and names the tiers', () => {
    expect(
      issuesOf({
        checks: [{ ...validCheck, tiers: { crtical: { threshold: 0.8 } } }],
      }),
    ).toEqual([
      {
        path: 'checks[0].tiers',
        message:
          'unknown tier "crtical"; tiers are critical, standard, internal',
      },
    ]);
  });

  it('rejects a threshold in an environment override, since thresholds vary by tier', () => {
    expect(
      issuesOf({
        checks: [
          {
            ...validCheck,
            environments: {
              'prod-eu': { enforcement: 'fail', threshold: 0.9 },
              'eu west': { enforcement: 'strict' },
            },
          },
        ],
      }),
    ).toEqual([
      {
        path: 'checks[0].environments.prod-eu.threshold',
        message:
          'an environment changes enforcement only; thresholds vary by tier (use `tiers`)',
      },
      {
        path: 'checks[0].environments["eu west"].enforcement',
        message: 'Invalid option: expected one of "off"|"warn"|"fail"',
      },
    ]);
  });

  it('rejects an empty policy and anything that is not a policy', () => {
    expect(issuesOf({ checks: [] })).toEqual([
      { path: 'checks', message: 'a policy needs at least one check' },
    ]);
    expect(issuesOf(undefined)).toEqual([
      {
        path: 'policy',
        message: 'Invalid input: expected object, received undefined',
      },
    ]);
    expect(issuesOf({ checks: [validCheck], version: 2 })).toEqual([
      { path: 'policy', message: 'Unrecognized key: "version"' },
    ]);
  });

  it('throws an Error subclass that carries the issues', () => {
    let thrown: unknown;
    try {
      parsePolicy({ checks: [{ ...validCheck, title: ' ' }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toBeInstanceOf(InvalidPolicyError);
    expect((thrown as InvalidPolicyError).name).toBe('InvalidPolicyError');
    expect((thrown as InvalidPolicyError).issues).toEqual([
      { path: 'checks[0].title', message: 'expected a title' },
    ]);
  });
});
