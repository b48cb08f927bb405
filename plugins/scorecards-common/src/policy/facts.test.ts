import { passingEvidence } from './__fixtures__/releaseEvidence';
import type { ScorecardsSchemas } from '../schema/openapi.generated';
import { FACT_NAMES, FACTS, FactName, isFactName } from './facts';

describe('FACTS', () => {
  it('offers the facts the spec names, each once and under its kind', () => {
    // The spec's FactName enum is the one list of facts: these two lines compile only while it
    // and FACTS agree, and the backend's openapi.test compares the runtime lists.
    const asSpec: readonly ScorecardsSchemas['FactName'][] = FACT_NAMES;
    const fromSpec = (name: ScorecardsSchemas['FactName']): FactName => name;
    expect(new Set(asSpec.map(fromSpec)).size).toBe(FACT_NAMES.length);
    for (const name of FACT_NAMES) {
      expect(name.startsWith(`${FACTS[name].kind}.`)).toBe(true);
    }
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

  it('reads new dependency vulnerabilities from the diff, and all of them without one', () => {
    const evidence = passingEvidence();
    const now = new Date();
    const newMedium = FACTS['dependencies.newVulnerabilitiesBySeverity.medium'];
    expect(newMedium.read(evidence, now)).toEqual({ present: true, value: 1 });
    evidence.dependencies.diff = null;
    expect(newMedium.read(evidence, now)).toEqual({ present: true, value: 2 });
    // Facts stored before Waybill computed diffs have none either.
    delete evidence.dependencies.diff;
    expect(newMedium.read(evidence, now)).toEqual({ present: true, value: 2 });
  });

  it('knows its own names and nothing inherited', () => {
    expect(isFactName('coverage.lineRate')).toBe(true);
    expect(isFactName('coverage.line')).toBe(false);
    expect(isFactName('toString')).toBe(false);
  });
});
