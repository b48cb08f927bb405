import { releaseVerdict } from './releaseVerdict';

describe('releaseVerdict', () => {
  it('is blocked when any gate fails, naming every failing environment in order', () => {
    expect(
      releaseVerdict([
        { environment: 'dev', decision: 'pass' },
        { environment: 'staging', decision: 'fail' },
        { environment: 'production', decision: 'fail' },
      ]),
    ).toEqual({
      state: 'blocked',
      environments: ['staging', 'production'],
      text: 'Blocked for staging and production',
    });
  });

  it('puts a failure before a warning', () => {
    expect(
      releaseVerdict([
        { environment: 'staging', decision: 'warn' },
        { environment: 'production', decision: 'fail' },
      ]).text,
    ).toBe('Blocked for production');
  });

  it('warns when nothing fails and some gate warns, listing three as a sentence', () => {
    expect(
      releaseVerdict([
        { environment: 'dev', decision: 'warn' },
        { environment: 'staging', decision: 'warn' },
        { environment: 'production', decision: 'warn' },
      ]),
    ).toEqual({
      state: 'warns',
      environments: ['dev', 'staging', 'production'],
      text: 'Warns for dev, staging and production',
    });
  });

  it('is clear when every gate passes, and unevaluated without gates', () => {
    expect(
      releaseVerdict([
        { environment: 'staging', decision: 'pass' },
        { environment: 'production', decision: 'pass' },
      ]),
    ).toEqual({ state: 'clear', environments: [], text: 'Passes every gate' });
    expect(releaseVerdict([])).toEqual({
      state: 'unevaluated',
      environments: [],
      text: 'Not evaluated',
    });
  });
});
