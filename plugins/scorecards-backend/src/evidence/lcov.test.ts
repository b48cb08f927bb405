import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { parseLcov } from './lcov';

describe('parseLcov', () => {
  it('sums the LF/LH and BRF/BRH summaries of istanbul output', () => {
    expect(parseLcov(readFixture('istanbul.lcov.info'))).toEqual({
      kind: 'coverage',
      format: 'lcov',
      lineRate: 23 / 26,
      branchRate: 0.6,
      linesCovered: 23,
      linesValid: 26,
      branchesCovered: 6,
      branchesValid: 10,
    });
  });

  it('counts DA and BRDA lines when a record has no summaries, `-` being not taken', () => {
    expect(parseLcov(readFixture('geninfo-no-summaries.lcov.info'))).toEqual({
      kind: 'coverage',
      format: 'lcov',
      lineRate: 10 / 13,
      branchRate: 4 / 6,
      linesCovered: 10,
      linesValid: 13,
      branchesCovered: 4,
      branchesValid: 6,
    });
  });

  it('trusts the summaries over the detail lines when both are present', () => {
    const lcov = 'SF:a.js\nDA:1,1\nDA:2,0\nLF:10\nLH:7\nend_of_record\n';
    expect(parseLcov(lcov)).toMatchObject({
      linesValid: 10,
      linesCovered: 7,
      branchRate: null,
    });
  });

  it('counts a line listed twice in a record once, hit if either was', () => {
    const lcov =
      'SF:a.js\nDA:1,0\nDA:1,4\nDA:2,0\nBRDA:1,0,0,0\nBRDA:1,0,0,1\nend_of_record';
    expect(parseLcov(lcov)).toMatchObject({
      linesValid: 2,
      linesCovered: 1,
      branchesValid: 1,
      branchesCovered: 1,
    });
  });

  it('accepts CRLF line ends, blank lines and records it does not use', () => {
    const lcov =
      'VER:2.0\r\nTN:\r\n\r\nSF:a.c\r\nFN:1,main\r\nFNDA:1,main\r\nFNF:1\r\nFNH:1\r\nDA:1,1\r\nLF:1\r\nLH:1\r\nend_of_record\r\n';
    expect(parseLcov(lcov)).toMatchObject({
      linesValid: 1,
      linesCovered: 1,
      lineRate: 1,
    });
  });

  it('identifies a branch by everything before its count, commas included', () => {
    const lcov =
      'SF:a.c\nBRDA:3,0,(a, b) && c,1\nBRDA:3,0,(a, b) || c,0\nend_of_record\n';
    expect(parseLcov(lcov)).toMatchObject({
      branchesValid: 2,
      branchesCovered: 1,
    });
  });

  it('refuses a truncated file', () => {
    const text = readFixture('istanbul.lcov.info');
    expect(() =>
      parseLcov(text.slice(0, text.lastIndexOf('end_of_record'))),
    ).toThrow(
      new InputError(
        'LCOV is truncated: the record of "src/lib/money.ts" at line 62 has no end_of_record',
      ),
    );
  });

  it('refuses files that are not LCOV', () => {
    expect(() => parseLcov('')).toThrow(
      new InputError('LCOV has no records (no SF: line)'),
    );
    expect(() => parseLcov('TN:\n')).toThrow(/no records/);
    expect(() => parseLcov('<?xml version="1.0"?><coverage/>')).toThrow(
      /^LCOV line 1 is not an LCOV record/,
    );
    expect(() => parseLcov('DA:1,1\n')).toThrow(
      'LCOV line 1: DA: outside an SF: record',
    );
    expect(() => parseLcov('end_of_record\n')).toThrow(
      /end_of_record without an SF: record/,
    );
    expect(() => parseLcov('SF:a\nSF:b\nend_of_record')).toThrow(
      'LCOV line 2: SF: before the end_of_record of "a"',
    );
  });

  it('refuses malformed numbers', () => {
    expect(() => parseLcov('SF:a\nLF:ten\nend_of_record')).toThrow(
      'LCOV line 2 has an invalid LF: "ten"',
    );
    expect(() => parseLcov('SF:a\nDA:1\nend_of_record')).toThrow(/invalid DA/);
    expect(() => parseLcov('SF:a\nDA:x,1\nend_of_record')).toThrow(
      /invalid DA/,
    );
    expect(() => parseLcov('SF:a\nDA:1,\nend_of_record')).toThrow(/invalid DA/);
    expect(() => parseLcov('SF:a\nBRDA:1,0,0\nend_of_record')).toThrow(
      /invalid BRDA/,
    );
    expect(() => parseLcov('SF:a\nLF:-1\nend_of_record')).toThrow(/invalid LF/);
  });

  it('refuses a record that hit more than it found', () => {
    expect(() => parseLcov('SF:a\nLF:1\nLH:2\nend_of_record')).toThrow(
      'LCOV record of "a" at line 1 counts more hit than found',
    );
  });
});
