import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { parseReadiness } from './readiness';

const VALID = {
  previousVersionDeployable: true,
  migrationsReversible: true,
  lastRollbackDrill: null,
  killSwitch: false,
  signatureVerified: false,
  provenance: { slsaLevel: 0 },
};

describe('parseReadiness', () => {
  it('reads the readiness document', () => {
    expect(parseReadiness(readFixture('readiness.json'))).toEqual({
      kind: 'readiness',
      format: 'waybill-readiness',
      previousVersionDeployable: true,
      migrationsReversible: false,
      lastRollbackDrill: '2024-04-22',
      killSwitch: true,
      signatureVerified: true,
      provenanceSlsaLevel: 3,
    });
  });

  it('accepts a release that never had a rollback drill', () => {
    expect(parseReadiness(JSON.stringify(VALID))).toMatchObject({
      lastRollbackDrill: null,
      provenanceSlsaLevel: 0,
    });
  });

  it('lists every problem with its path', () => {
    const body = JSON.stringify({
      ...VALID,
      killSwitch: 'yes',
      lastRollbackDrill: '2024-02-30',
      provenance: { slsaLevel: 5, builder: 'gha' },
      owner: 'team-a',
    });
    expect(() => parseReadiness(body)).toThrow(
      new InputError(
        'Waybill readiness JSON is invalid: ' +
          'readiness.lastRollbackDrill: expected a date YYYY-MM-DD; ' +
          'readiness.killSwitch: Invalid input: expected boolean, received string; ' +
          'readiness.provenance.slsaLevel: expected an SLSA level 0 to 4; ' +
          'readiness.provenance: Unrecognized key: "builder"; ' +
          'readiness: Unrecognized key: "owner"',
      ),
    );
  });

  it('requires every field', () => {
    const { provenance, ...withoutProvenance } = VALID;
    expect(provenance).toBeDefined();
    expect(() => parseReadiness(JSON.stringify(withoutProvenance))).toThrow(
      /^Waybill readiness JSON is invalid: readiness\.provenance: Invalid input: expected object, received undefined$/,
    );
    expect(() =>
      parseReadiness(JSON.stringify({ ...VALID, lastRollbackDrill: 20240422 })),
    ).toThrow('readiness.lastRollbackDrill: expected a date YYYY-MM-DD');
  });

  it('refuses what is not a JSON object', () => {
    expect(() => parseReadiness('yes')).toThrow(
      /^Waybill readiness JSON is not valid JSON: /,
    );
    expect(() => parseReadiness('[]')).toThrow(
      'Waybill readiness JSON is invalid: readiness: Invalid input: expected object, received array',
    );
  });
});
