import { InputError } from '@backstage/errors';
import {
  EVIDENCE_FORMATS,
  EvidenceFormat,
  EvidenceKind,
} from '@waybill/plugin-scorecards-common';
import { FIXTURES, ParsedFormat, readFixture } from './__testUtils__/fixtures';
import {
  assertEvidenceMediaType,
  detectEvidenceFormat,
  parseEvidence,
} from './parseEvidence';

const KIND_OF: Record<ParsedFormat, EvidenceKind> = {
  junit: 'tests',
  cobertura: 'coverage',
  lcov: 'coverage',
  sarif: 'security',
  cyclonedx: 'dependencies',
  'waybill-readiness': 'readiness',
};

const ALL_FIXTURES = Object.entries(FIXTURES).flatMap(([format, files]) =>
  files.map(file => [format as ParsedFormat, file] as const),
);

describe('parseEvidence', () => {
  it.each(ALL_FIXTURES)(
    'parses %s fixture %s into facts of its kind',
    (format, file) => {
      const facts = parseEvidence(format, readFixture(file));
      expect(facts.kind).toBe(KIND_OF[format]);
      expect(facts.format).toBe(format);
    },
  );

  it('refuses a format it does not know', () => {
    expect(() => parseEvidence('spdx' as EvidenceFormat, '{}')).toThrow(
      new InputError('Unknown evidence format "spdx"'),
    );
  });
});

describe('detectEvidenceFormat', () => {
  it.each(ALL_FIXTURES)('detects %s from fixture %s', (format, file) => {
    const kind = KIND_OF[format];
    expect(EVIDENCE_FORMATS[kind]).toContain(format);
    expect(detectEvidenceFormat(kind, undefined, readFixture(file))).toBe(
      format,
    );
  });

  it('looks past a byte order mark and white space', () => {
    expect(
      detectEvidenceFormat('coverage', 'text/plain', '\uFEFF\n  SF:a.ts\n'),
    ).toBe('lcov');
    expect(
      detectEvidenceFormat('coverage', undefined, '\r\n<?xml version="1.0"?>'),
    ).toBe('cobertura');
    expect(
      detectEvidenceFormat(
        'security',
        'application/sarif+json',
        ' {"version":"2.1.0"}',
      ),
    ).toBe('sarif');
  });

  it('decides by the body, not by the Content-Type', () => {
    expect(
      detectEvidenceFormat('coverage', 'application/xml', 'TN:\nSF:a.ts'),
    ).toBe('lcov');
    expect(
      detectEvidenceFormat(
        'tests',
        'application/x-www-form-urlencoded',
        '<testsuites/>',
      ),
    ).toBe('junit');
  });

  it('refuses a body that fits no format of the kind', () => {
    expect(() =>
      detectEvidenceFormat(
        'coverage',
        'application/json; charset=utf-8',
        '{"total": 81}',
      ),
    ).toThrow(
      new InputError(
        'coverage evidence must be Cobertura XML or LCOV, but the body (sent as application/json) starts with "{\\"total\\": 81}"',
      ),
    );
    expect(() => detectEvidenceFormat('tests', undefined, '  \n')).toThrow(
      new InputError('tests evidence must be JUnit XML, but the body is empty'),
    );
    expect(() =>
      detectEvidenceFormat('security', undefined, '<sarif/>'),
    ).toThrow(/^security evidence must be a SARIF 2\.1\.0 JSON log/);
    expect(() => detectEvidenceFormat('readiness', undefined, 'ok')).toThrow(
      InputError,
    );
  });

  it('says that CycloneDX XML is not supported', () => {
    const message = /CycloneDX XML is not supported/;
    expect(() =>
      detectEvidenceFormat(
        'dependencies',
        undefined,
        '<?xml version="1.0"?><bom/>',
      ),
    ).toThrow(message);
    expect(() =>
      detectEvidenceFormat('dependencies', 'application/vnd.cyclonedx+xml', ''),
    ).toThrow(message);
  });

  it('refuses a kind it does not know', () => {
    expect(() =>
      detectEvidenceFormat('toString' as EvidenceKind, undefined, '{}'),
    ).toThrow(new InputError('Unknown evidence kind "toString"'));
  });
});

describe('assertEvidenceMediaType', () => {
  it('accepts the media types of each format, with parameters, and octet streams', () => {
    expect(() =>
      assertEvidenceMediaType('junit', 'text/xml; charset=utf-8'),
    ).not.toThrow();
    expect(() =>
      assertEvidenceMediaType('sarif', 'application/sarif+json'),
    ).not.toThrow();
    expect(() =>
      assertEvidenceMediaType('lcov', 'application/octet-stream'),
    ).not.toThrow();
  });

  it('names the problem when the Content-Type contradicts the body or is missing', () => {
    expect(() =>
      assertEvidenceMediaType('junit', 'application/x-www-form-urlencoded'),
    ).toThrow(
      'The body is junit evidence but was sent with Content-Type application/x-www-form-urlencoded; send it as application/xml or text/xml (or application/octet-stream)',
    );
    expect(() => assertEvidenceMediaType('cyclonedx', undefined)).toThrow(
      /sent with no Content-Type/,
    );
  });
});
