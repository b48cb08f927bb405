import type { DependencyFacts, SbomVulnerability } from '../evidence';
import { diffSbom, newVulnerabilitiesBySeverity } from './sbomDiff';

const counts = (critical = 0, high = 0, medium = 0, low = 0, info = 0) => ({
  critical,
  high,
  medium,
  low,
  info,
});

/** Dependency facts as the parser writes them, from their lists. */
function sbom(
  components: string[],
  vulnerabilities: SbomVulnerability[] = [],
  componentsTruncated = false,
): DependencyFacts {
  const bySeverity = counts();
  vulnerabilities.forEach(v => bySeverity[v.severity]++);
  return {
    kind: 'dependencies',
    format: 'cyclonedx',
    specVersion: '1.6',
    componentCount: components.length,
    vulnerabilitiesBySeverity: bySeverity,
    worst: [],
    components,
    componentsTruncated,
    vulnerabilities,
    diff: null,
  };
}

describe('diffSbom', () => {
  it('lists the components and vulnerabilities a release adds and removes', () => {
    const previous = sbom(
      ['pkg:npm/express@4.18.2', 'pkg:npm/qs@6.10.3', 'pkg:npm/semver@7.3.7'],
      [
        { id: 'CVE-2022-24999', severity: 'high' },
        { id: 'CVE-2022-25883', severity: 'high' },
      ],
    );
    const current = sbom(
      ['pkg:npm/express@4.19.2', 'pkg:npm/qs@6.10.3', 'pkg:npm/semver@7.5.4'],
      [
        { id: 'CVE-2022-24999', severity: 'critical' },
        { id: 'CVE-2024-29041', severity: 'medium' },
        { id: 'CVE-2024-45590', severity: 'critical' },
      ],
    );
    expect(diffSbom({ version: '4.1.0', facts: previous }, current)).toEqual({
      againstVersion: '4.1.0',
      addedComponents: ['pkg:npm/express@4.19.2', 'pkg:npm/semver@7.5.4'],
      removedComponents: ['pkg:npm/express@4.18.2', 'pkg:npm/semver@7.3.7'],
      // A vulnerability whose severity changed is neither introduced nor fixed.
      introducedVulnerabilities: [
        { id: 'CVE-2024-29041', severity: 'medium' },
        { id: 'CVE-2024-45590', severity: 'critical' },
      ],
      fixedVulnerabilities: [{ id: 'CVE-2022-25883', severity: 'high' }],
      introducedBySeverity: counts(1, 0, 1),
    });
  });

  it('finds nothing between two equal SBOMs', () => {
    const facts = sbom(['a', 'b'], [{ id: 'CVE-1', severity: 'low' }]);
    expect(diffSbom({ version: '1.0.0', facts }, facts)).toEqual({
      againstVersion: '1.0.0',
      addedComponents: [],
      removedComponents: [],
      introducedVulnerabilities: [],
      fixedVulnerabilities: [],
      introducedBySeverity: counts(),
    });
  });

  it('compares cut component lists only as far as both go', () => {
    // The previous list was cut after "m": "x" may well have been there.
    const previous = sbom(['a', 'c', 'm'], [], true);
    const current = sbom(['a', 'b', 'n', 'x'], []);
    const diff = diffSbom({ version: '1.0.0', facts: previous }, current);
    expect(diff?.addedComponents).toEqual(['b']);
    expect(diff?.removedComponents).toEqual(['c', 'm']);

    // Now the list is cut after "b": "c" and "z" may still be there.
    const cutNow = diffSbom(
      { version: '1.0.0', facts: sbom(['a', 'aa', 'c', 'z']) },
      sbom(['a', 'b'], [], true),
    );
    expect(cutNow?.addedComponents).toEqual(['b']);
    expect(cutNow?.removedComponents).toEqual(['aa']);
  });

  it('gives no diff against facts stored before Waybill kept the lists', () => {
    const {
      components: _c,
      componentsTruncated: _t,
      vulnerabilities: _v,
      diff: _d,
      ...stored
    } = sbom(['a']);
    expect(diffSbom({ version: '1.0.0', facts: stored }, sbom(['a']))).toBe(
      null,
    );
  });
});

describe('newVulnerabilitiesBySeverity', () => {
  const facts = sbom(
    ['a'],
    [
      { id: 'CVE-1', severity: 'critical' },
      { id: 'CVE-2', severity: 'high' },
    ],
  );

  it('counts the introduced vulnerabilities of a diff', () => {
    const previous = sbom(['a'], [{ id: 'CVE-1', severity: 'critical' }]);
    const diff = diffSbom({ version: '1.0.0', facts: previous }, facts);
    expect(newVulnerabilitiesBySeverity({ ...facts, diff })).toEqual(
      counts(0, 1),
    );
  });

  it('counts every vulnerability as new without an earlier SBOM', () => {
    expect(newVulnerabilitiesBySeverity(facts)).toEqual(counts(1, 1));
    const { diff: _absent, ...stored } = facts;
    expect(newVulnerabilitiesBySeverity(stored)).toEqual(counts(1, 1));
  });
});
