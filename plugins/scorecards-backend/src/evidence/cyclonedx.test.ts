import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { severityCounts as counts } from './__testUtils__/severityCounts';
import { parseCycloneDx } from './cyclonedx';

function bom(rest: Record<string, unknown>, specVersion = '1.5'): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion,
    version: 1,
    ...rest,
  });
}

describe('parseCycloneDx', () => {
  it('reads a Trivy 1.4 BOM, taking the highest of several ratings', () => {
    expect(parseCycloneDx(readFixture('trivy-1.4.cdx.json'))).toEqual({
      kind: 'dependencies',
      format: 'cyclonedx',
      specVersion: '1.4',
      componentCount: 6,
      vulnerabilitiesBySeverity: counts(1, 2, 0, 1, 0),
      worst: [
        {
          id: 'CVE-2023-45853',
          severity: 'critical',
          score: 9.8,
          affects: [
            'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12.0',
          ],
        },
        {
          id: 'CVE-2022-24999',
          severity: 'high',
          score: 7.5,
          affects: ['pkg:npm/qs@6.10.3'],
        },
        {
          id: 'CVE-2022-25883',
          severity: 'high',
          score: 7.5,
          affects: ['pkg:npm/semver@7.3.7'],
        },
        {
          id: 'CVE-2011-3374',
          severity: 'low',
          score: 4.3,
          affects: ['pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12.0'],
        },
      ],
      // The operating system has no purl: it is listed by name and version.
      components: [
        'debian@12.0',
        'pkg:deb/debian/apt@2.6.1?arch=amd64&distro=debian-12.0',
        'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12.0',
        'pkg:npm/express@4.18.2',
        'pkg:npm/qs@6.10.3',
        'pkg:npm/semver@7.3.7',
      ],
      componentsTruncated: false,
      vulnerabilities: [
        { id: 'CVE-2011-3374', severity: 'low' },
        { id: 'CVE-2022-24999', severity: 'high' },
        { id: 'CVE-2022-25883', severity: 'high' },
        { id: 'CVE-2023-45853', severity: 'critical' },
      ],
      diff: null,
    });
  });

  it('reads a cdxgen 1.5 BOM: nested components, unknown severities, VEX analysis', () => {
    const facts = parseCycloneDx(readFixture('cdxgen-1.5.cdx.json'));
    expect(facts.componentCount).toBe(7);
    expect(facts.vulnerabilitiesBySeverity).toEqual(counts(0, 2, 1, 0, 1));
    expect(facts.worst.map(v => [v.id, v.severity, v.score])).toEqual([
      ['CVE-2022-1471', 'high', 8.3],
      // No severity, so its score is banded.
      ['CVE-2023-6378', 'high', 7.5],
      // "unknown" severity with a score: the score decides.
      ['CVE-2023-35116', 'medium', 4.7],
      // No rating at all. CVE-2021-42550 is left out: its analysis says not_affected.
      ['GHSA-7fh5-64p2-3v2j', 'info', undefined],
    ]);
    // Nested components are listed too; the VEX rules apply to the full list as to the counts.
    expect(facts.components).toHaveLength(7);
    expect(facts.components).toContain(
      'pkg:maven/org.apache.pdfbox/fontbox@2.0.27?type=jar',
    );
    expect(facts.vulnerabilities?.map(v => v.id)).toEqual([
      'CVE-2022-1471',
      'CVE-2023-35116',
      'CVE-2023-6378',
      'GHSA-7fh5-64p2-3v2j',
    ]);
  });

  it('reads a syft 1.6 BOM without vulnerabilities', () => {
    expect(parseCycloneDx(readFixture('syft-1.6.cdx.json'))).toEqual({
      kind: 'dependencies',
      format: 'cyclonedx',
      specVersion: '1.6',
      componentCount: 5,
      vulnerabilitiesBySeverity: counts(0, 0, 0, 0, 0),
      worst: [],
      components: [
        'pkg:github/actions/checkout@v4',
        'pkg:npm/%40acme/web-ui@4.1.0',
        'pkg:npm/react-dom@18.3.1',
        'pkg:npm/react@18.3.1',
        'pkg:npm/scheduler@0.23.2',
      ],
      componentsTruncated: false,
      vulnerabilities: [],
      diff: null,
    });
  });

  it('merges a vulnerability grype lists once per affected component', () => {
    const facts = parseCycloneDx(readFixture('grype-1.6.cdx.json'));
    expect(facts.vulnerabilitiesBySeverity).toEqual(counts(1, 1, 0, 0, 1));
    expect(facts.worst[1]).toEqual({
      id: 'CVE-2023-45288',
      severity: 'high',
      score: 7.5,
      affects: [
        'pkg:golang/golang.org/x/net@v0.17.0?package-id=3c7e1a5d9f2b4680',
        'pkg:golang/stdlib@1.21.3?package-id=5f9a3c7e1b4d6802',
      ],
    });
    expect(facts.worst[2]).toMatchObject({
      id: 'CVE-2024-2511',
      severity: 'info',
    });
    expect(facts.vulnerabilities).toEqual([
      { id: 'CVE-2023-45288', severity: 'high' },
      { id: 'CVE-2024-24790', severity: 'critical' },
      { id: 'CVE-2024-2511', severity: 'info' },
    ]);
  });

  it('lists each component once, by purl, else by group, name and version', () => {
    const facts = parseCycloneDx(
      bom({
        components: [
          {
            name: 'openssl',
            version: '3.0.13',
            purl: 'pkg:apk/openssl@3.0.13',
          },
          {
            group: 'com.acme',
            name: 'billing',
            version: '2.0.0',
            components: [
              { name: 'openssl', purl: 'pkg:apk/openssl@3.0.13' },
              { name: 'busybox' },
              { type: 'file' },
            ],
          },
          { name: 'busybox', purl: '' },
        ],
      }),
    );
    // Six components, five of them named, three distinct; the one without a name is only counted.
    expect(facts.componentCount).toBe(6);
    expect(facts.components).toEqual([
      'busybox',
      'com.acme/billing@2.0.0',
      'pkg:apk/openssl@3.0.13',
    ]);
    expect(facts.componentsTruncated).toBe(false);
  });

  it('keeps the first 20,000 components in code unit order, saying there are more', () => {
    const components = Array.from({ length: 20_002 }, (_, i) => ({
      name: `lib-${String(20_001 - i).padStart(5, '0')}`,
    }));
    const facts = parseCycloneDx(bom({ components }));
    expect(facts.componentCount).toBe(20_002);
    expect(facts.components).toHaveLength(20_000);
    expect(facts.components?.[0]).toBe('lib-00000');
    expect(facts.components?.[19_999]).toBe('lib-19999');
    expect(facts.componentsTruncated).toBe(true);
  });

  it('refuses a component whose naming fields are not strings', () => {
    expect(() =>
      parseCycloneDx(
        bom({ components: [{ name: 'a', components: [{ purl: 1 }] }] }),
      ),
    ).toThrow(
      new InputError(
        'CycloneDX BOM is invalid: bom.components[0].components[0].purl: expected a string',
      ),
    );
    expect(() =>
      parseCycloneDx(bom({ components: [{ name: 'a', version: 2 }] })),
    ).toThrow('bom.components[0].version: expected a string');
  });

  it('maps severity names case-insensitively, none to info, and bands bare scores', () => {
    const vulnerabilities = [
      { id: 'a', ratings: [{ severity: 'CRITICAL' }] },
      { id: 'b', ratings: [{ severity: 'none' }] },
      { id: 'c', ratings: [{ score: 9.0 }] },
      { id: 'd', ratings: [{ score: 0.1 }] },
      { id: 'e', ratings: [{ score: 0 }] },
      {
        id: 'f',
        ratings: [{ severity: 'low', score: 9.8 }, { severity: 'medium' }],
      },
    ];
    const facts = parseCycloneDx(bom({ vulnerabilities }));
    expect(facts.vulnerabilitiesBySeverity).toEqual(counts(2, 0, 1, 1, 2));
    // Same band: the higher score first, then the id.
    expect(facts.worst.map(v => v.id)).toEqual(['c', 'a', 'f', 'd', 'e', 'b']);
  });

  it('keeps the 20 worst vulnerabilities', () => {
    const vulnerabilities = Array.from({ length: 25 }, (_, i) => ({
      id: `CVE-2024-${1000 + i}`,
      ratings: [{ score: i / 2.5 }],
    }));
    const facts = parseCycloneDx(bom({ vulnerabilities }));
    expect(facts.worst).toHaveLength(20);
    expect(facts.worst[0]).toMatchObject({
      id: 'CVE-2024-1024',
      severity: 'critical',
      score: 9.6,
    });
  });

  it('uses bom-ref when a vulnerability has no id', () => {
    const facts = parseCycloneDx(
      bom({ vulnerabilities: [{ 'bom-ref': 'vuln-1' }] }),
    );
    expect(facts.worst).toEqual([
      { id: 'vuln-1', severity: 'info', affects: [] },
    ]);
    expect(() =>
      parseCycloneDx(bom({ vulnerabilities: [{ ratings: [] }] })),
    ).toThrow(
      new InputError(
        'CycloneDX BOM is invalid: bom.vulnerabilities[0] has neither "id" nor "bom-ref"',
      ),
    );
  });

  it('counts deeply nested components without recursion', () => {
    const depth = 20000;
    const nested = `${'{"name":"c","components":['.repeat(depth)}${']}'.repeat(
      depth,
    )}`;
    const body = `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[${nested}]}`;
    expect(parseCycloneDx(body).componentCount).toBe(depth);
  });

  it('refuses components that are not objects, naming where they are', () => {
    expect(() =>
      parseCycloneDx(bom({ components: [{ components: [{}, 'x'] }] })),
    ).toThrow(
      new InputError(
        'CycloneDX BOM is invalid: bom.components[0].components[1]: expected a component object',
      ),
    );
    expect(() =>
      parseCycloneDx(bom({ components: [{ components: {} }] })),
    ).toThrow(
      'CycloneDX BOM is invalid: bom.components[0].components: expected an array',
    );
  });

  it('refuses documents that are not CycloneDX 1.4 to 1.6 JSON', () => {
    expect(() => parseCycloneDx('{')).toThrow(
      /^CycloneDX BOM is not valid JSON/,
    );
    expect(() => parseCycloneDx('"CycloneDX"')).toThrow(
      'CycloneDX BOM is not a JSON object',
    );
    expect(() => parseCycloneDx('{"spdxVersion":"SPDX-2.3"}')).toThrow(
      new InputError(
        'not a CycloneDX BOM: bomFormat is missing, not "CycloneDX"',
      ),
    );
    expect(() => parseCycloneDx(bom({}, '1.3'))).toThrow(
      new InputError(
        'CycloneDX specVersion "1.3" is not supported; Waybill reads 1.4, 1.5, 1.6',
      ),
    );
    expect(() => parseCycloneDx(bom({}, 1.5 as unknown as string))).toThrow(
      /specVersion 1\.5 is not supported/,
    );
    expect(() =>
      parseCycloneDx(
        bom({ vulnerabilities: [{ id: 'x', ratings: [{ score: 'high' }] }] }),
      ),
    ).toThrow(
      /^CycloneDX BOM is invalid: bom\.vulnerabilities\[0\]\.ratings\[0\]\.score: /,
    );
  });
});
