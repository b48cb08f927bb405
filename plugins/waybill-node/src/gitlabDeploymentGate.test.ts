import { ConfigReader } from '@backstage/config';
import { readGitlabDeploymentGate } from './gitlabDeploymentGate';

const read = (gitlab?: object) =>
  readGitlabDeploymentGate(
    new ConfigReader(gitlab ? { scorecards: { enforcement: { gitlab } } } : {}),
  );

describe('readGitlabDeploymentGate', () => {
  it('is undefined without the section', () => {
    expect(read()).toBeUndefined();
  });

  it("reads the token, with GitLab.com's API by default and no trailing slash", () => {
    expect(read({ token: 'glpat-x' })).toEqual({
      apiBaseUrl: 'https://gitlab.com/api/v4',
      token: 'glpat-x',
      startAfterApproval: [],
    });
    expect(
      read({
        token: 'glpat-x',
        apiBaseUrl: 'https://git.meridian.example/api/v4/',
        startAfterApproval: ['staging'],
      }),
    ).toEqual({
      apiBaseUrl: 'https://git.meridian.example/api/v4',
      token: 'glpat-x',
      startAfterApproval: ['staging'],
    });
  });

  it('refuses a section without a token, or an address that is not http(s)', () => {
    expect(() => read({ apiBaseUrl: 'https://gitlab.com/api/v4' })).toThrow(
      "Missing required config value at 'scorecards.enforcement.gitlab.token'",
    );
    expect(() => read({ token: '  ' })).toThrow(
      'scorecards.enforcement.gitlab.token is empty',
    );
    expect(() =>
      read({ token: 'glpat-x', apiBaseUrl: 'file:///etc/passwd' }),
    ).toThrow(
      'scorecards.enforcement.gitlab.apiBaseUrl must be an http(s) address',
    );
  });
});
