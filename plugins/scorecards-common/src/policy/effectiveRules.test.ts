import { aCheck } from './__fixtures__/releaseEvidence';
import {
  effectiveEnforcement,
  effectiveThreshold,
  mostLenient,
} from './effectiveRules';
import { TIERS } from '@waybill/plugin-waybill-common';
import { Enforcement } from './types';

describe('mostLenient', () => {
  it.each<[Enforcement, Enforcement, Enforcement]>([
    ['off', 'fail', 'off'],
    ['fail', 'off', 'off'],
    ['warn', 'fail', 'warn'],
    ['fail', 'warn', 'warn'],
    ['off', 'warn', 'off'],
    ['fail', 'fail', 'fail'],
  ])('of %s and %s is %s', (a, b, expected) => {
    expect(mostLenient(a, b)).toBe(expected);
  });
});

describe('effectiveEnforcement', () => {
  it('is the default when no tier or environment rule applies', () => {
    const check = aCheck({ enforcement: 'warn' });
    expect(effectiveEnforcement(check, 'critical', 'production')).toBe('warn');
    expect(effectiveEnforcement(check, 'internal')).toBe('warn');
  });

  it('case 1: staging may warn where production fails', () => {
    const check = aCheck({
      enforcement: 'fail',
      environments: { staging: { enforcement: 'warn' } },
    });
    for (const tier of TIERS) {
      expect(effectiveEnforcement(check, tier, 'staging')).toBe('warn');
      expect(effectiveEnforcement(check, tier, 'production')).toBe('fail');
    }
  });

  it('case 1, spelled the other way: a production-only check', () => {
    const check = aCheck({
      enforcement: 'warn',
      environments: { production: { enforcement: 'fail' } },
    });
    for (const tier of TIERS) {
      expect(effectiveEnforcement(check, tier, 'production')).toBe('fail');
      expect(effectiveEnforcement(check, tier, 'staging')).toBe('warn');
      expect(effectiveEnforcement(check, tier, 'qa')).toBe('warn');
    }
  });

  it('case 2: migrations reversible required for the critical tier only', () => {
    const check = aCheck({
      fact: 'readiness.migrationsReversible',
      threshold: true,
      enforcement: 'off',
      tiers: { critical: { enforcement: 'fail' } },
    });
    for (const environment of ['staging', 'production', undefined]) {
      expect(effectiveEnforcement(check, 'critical', environment)).toBe('fail');
      expect(effectiveEnforcement(check, 'standard', environment)).toBe('off');
      expect(effectiveEnforcement(check, 'internal', environment)).toBe('off');
    }
  });

  it('lets a relaxation on either axis win where both have a rule', () => {
    const check = aCheck({
      enforcement: 'fail',
      tiers: { internal: { enforcement: 'off' } },
      environments: { production: { enforcement: 'fail' } },
    });
    expect(effectiveEnforcement(check, 'internal', 'production')).toBe('off');
    expect(effectiveEnforcement(check, 'standard', 'production')).toBe('fail');
  });

  it('expresses a condition on both axes: fail for critical tier in production, warn otherwise', () => {
    const check = aCheck({
      enforcement: 'warn',
      environments: { production: { enforcement: 'fail' } },
      tiers: {
        standard: { enforcement: 'warn' },
        internal: { enforcement: 'warn' },
      },
    });
    expect(effectiveEnforcement(check, 'critical', 'production')).toBe('fail');
    expect(effectiveEnforcement(check, 'critical', 'staging')).toBe('warn');
    expect(effectiveEnforcement(check, 'critical', 'dev')).toBe('warn');
    expect(effectiveEnforcement(check, 'standard', 'production')).toBe('warn');
    expect(effectiveEnforcement(check, 'internal', 'production')).toBe('warn');
  });

  it('uses the tier rule and the default when no environment is given', () => {
    const check = aCheck({
      enforcement: 'warn',
      tiers: { critical: { enforcement: 'fail' } },
      environments: { production: { enforcement: 'off' } },
    });
    expect(effectiveEnforcement(check, 'critical')).toBe('fail');
    expect(effectiveEnforcement(check, 'standard')).toBe('warn');
  });

  it('does not mistake Object.prototype members for environment rules', () => {
    const check = aCheck({ enforcement: 'warn' });
    expect(effectiveEnforcement(check, 'standard', 'constructor')).toBe('warn');
    expect(effectiveEnforcement(check, 'standard', '__proto__')).toBe('warn');
  });
});

describe('effectiveThreshold', () => {
  it('case 3: coverage floor 80% critical, 70% standard, 50% internal', () => {
    const check = aCheck({
      fact: 'coverage.lineRate',
      operator: '>=',
      threshold: 0.7,
      tiers: { critical: { threshold: 0.8 }, internal: { threshold: 0.5 } },
    });
    expect(effectiveThreshold(check, 'critical')).toBe(0.8);
    expect(effectiveThreshold(check, 'standard')).toBe(0.7);
    expect(effectiveThreshold(check, 'internal')).toBe(0.5);
  });

  it('keeps the default when a tier rule changes only the enforcement', () => {
    const check = aCheck({ tiers: { critical: { enforcement: 'warn' } } });
    expect(effectiveThreshold(check, 'critical')).toBe(0);
  });
});
