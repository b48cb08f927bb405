import { passingEvidence } from './__fixtures__/releaseEvidence';
import { FACT_NAMES, FACTS, isFactName } from './facts';

describe('FACTS', () => {
  it('offers the facts policies are written against', () => {
    expect(FACT_NAMES).toEqual(
      expect.arrayContaining([
        'tests.failed',
        'tests.errored',
        'tests.total',
        'tests.passRate',
        'coverage.lineRate',
        'coverage.branchRate',
        'security.bySeverity.critical',
        'security.bySeverity.high',
        'security.newBySeverity.high',
        'dependencies.vulnerabilitiesBySeverity.critical',
        'dependencies.vulnerabilitiesBySeverity.high',
        'readiness.previousVersionDeployable',
        'readiness.migrationsReversible',
        'readiness.killSwitch',
        'readiness.signatureVerified',
        'readiness.provenanceSlsaLevel',
        'readiness.rollbackDrillAgeDays',
      ]),
    );
  });

  it('reads every fact from the evidence of its kind', () => {
    const evidence = passingEvidence();
    const now = new Date('2025-06-30T12:00:00Z');
    for (const name of FACT_NAMES) {
      const fact = FACTS[name];
      const reading = fact.read(evidence, now);
      expect(reading).toEqual({ present: true, value: expect.anything() });
      expect(fact.read({ ...evidence, [fact.kind]: undefined }, now)).toEqual({
        present: false,
      });
      expect(typeof (reading.present && reading.value)).toBe(fact.type);
    }
  });

  it('reads severity counts band by band', () => {
    const evidence = passingEvidence();
    const now = new Date();
    expect(FACTS['security.bySeverity.low'].read(evidence, now)).toEqual({
      present: true,
      value: 2,
    });
    expect(FACTS['security.newBySeverity.medium'].read(evidence, now)).toEqual({
      present: true,
      value: 1,
    });
    expect(
      FACTS['dependencies.vulnerabilitiesBySeverity.medium'].read(
        evidence,
        now,
      ),
    ).toEqual({ present: true, value: 2 });
  });

  it('knows its own names and nothing inherited', () => {
    expect(isFactName('coverage.lineRate')).toBe(true);
    expect(isFactName('coverage.line')).toBe(false);
    expect(isFactName('toString')).toBe(false);
  });
});
