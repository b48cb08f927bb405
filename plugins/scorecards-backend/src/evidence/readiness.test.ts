import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { parseReadiness } from './readiness';

const VALID = {
  previousVersionDeployable: true,
  migrationsReversible: true,
  lastRollbackDrill: null,
  killSwitch: false,
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
    });
  });

  it('accepts a release that never had a rollback drill', () => {
    expect(parseReadiness(JSON.stringify(VALID))).toMatchObject({
      lastRollbackDrill: null,
    });
  });

  it('lists every problem with its path', () => {
    const body = JSON.stringify({
      ...VALID,
      killSwitch: 'yes',
      lastRollbackDrill: '2024-02-30',
      owner: 'team-a',
    });
    expect(() => parseReadiness(body)).toThrow(
      new InputError(
        'Waybill readiness JSON is invalid: ' +
          'readiness.lastRollbackDrill: expected a date YYYY-MM-DD; ' +
          'readiness.killSwitch: Invalid input: expected boolean, received string; ' +
          'readiness: Unrecognized key: "owner"',
      ),
    );
  });

  it('requires every field', () => {
    const { killSwitch, ...withoutKillSwitch } = VALID;
    expect(killSwitch).toBeDefined();
    expect(() => parseReadiness(JSON.stringify(withoutKillSwitch))).toThrow(
      /^Waybill readiness JSON is invalid: readiness\.killSwitch: Invalid input: expected boolean, received undefined$/,
    );
    expect(() =>
      parseReadiness(JSON.stringify({ ...VALID, lastRollbackDrill: 20240422 })),
    ).toThrow('readiness.lastRollbackDrill: expected a date YYYY-MM-DD');
  });

  it('refuses a signature or provenance verdict reported by the pipeline, saying where it goes now', () => {
    expect(() =>
      parseReadiness(JSON.stringify({ ...VALID, signatureVerified: true })),
    ).toThrow(
      new InputError(
        'Waybill readiness JSON: `signatureVerified` is no longer read from the readiness document: upload the Sigstore bundle of the signature as `signature` evidence; Waybill verifies it',
      ),
    );
    expect(() =>
      parseReadiness(
        JSON.stringify({ ...VALID, provenance: { slsaLevel: 3 } }),
      ),
    ).toThrow(/`provenance` is no longer read .* as `provenance` evidence/);
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
