import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { parseCobertura } from './cobertura';

function cobertura(lines: string, rootAttributes = ''): string {
  return `<?xml version="1.0" ?>
<coverage ${rootAttributes}>
  <packages><package name="p"><classes><class name="a.py" filename="a.py">
    <methods/>
    <lines>
${lines}
    </lines>
  </class></classes></package></packages>
</coverage>`;
}

describe('parseCobertura', () => {
  it('reads coverage.py output, DOCTYPE line included', () => {
    expect(parseCobertura(readFixture('coverage-py.cobertura.xml'))).toEqual({
      kind: 'coverage',
      format: 'cobertura',
      lineRate: 25 / 31,
      branchRate: 0.625,
      linesCovered: 25,
      linesValid: 31,
      branchesCovered: 5,
      branchesValid: 8,
    });
  });

  it("reads istanbul's cobertura reporter, not counting the lines repeated under <methods>", () => {
    expect(parseCobertura(readFixture('istanbul.cobertura.xml'))).toEqual({
      kind: 'coverage',
      format: 'cobertura',
      lineRate: 13 / 16,
      branchRate: 4 / 6,
      linesCovered: 13,
      linesValid: 16,
      branchesCovered: 4,
      branchesValid: 6,
    });
  });

  it('counts the lines rather than trusting the root attributes', () => {
    const facts = parseCobertura(
      cobertura(
        '<line number="1" hits="3"/><line number="2" hits="0" branch="true" condition-coverage="0% (0/4)"/>',
        'line-rate="1" lines-covered="99" lines-valid="99" branches-covered="4" branches-valid="4"',
      ),
    );
    expect(facts).toMatchObject({
      linesCovered: 1,
      linesValid: 2,
      branchesCovered: 0,
      branchesValid: 4,
    });
    expect(facts.lineRate).toBe(0.5);
    expect(facts.branchRate).toBe(0);
  });

  it('falls back to the root attributes for a summary-only report', () => {
    const summary =
      '<coverage line-rate="0.75" branch-rate="0" lines-covered="30" lines-valid="40" branches-covered="0" branches-valid="0" version="1.9"><sources/><packages/></coverage>';
    expect(parseCobertura(summary)).toEqual({
      kind: 'coverage',
      format: 'cobertura',
      lineRate: 0.75,
      branchRate: null,
      linesCovered: 30,
      linesValid: 40,
      branchesCovered: 0,
      branchesValid: 0,
    });
  });

  it('gives null rates when nothing was measured', () => {
    expect(parseCobertura('<coverage/>')).toMatchObject({
      lineRate: null,
      branchRate: null,
      linesValid: 0,
    });
  });

  it('ignores condition-coverage on lines not marked as branches', () => {
    expect(
      parseCobertura(
        cobertura(
          '<line number="1" hits="1" branch="false" condition-coverage="50% (1/2)"/>',
        ),
      ),
    ).toMatchObject({ branchesValid: 0, branchRate: null });
  });

  it('refuses invalid hits and condition coverage, naming the line', () => {
    expect(() =>
      parseCobertura(cobertura('<line number="1" hits="lots"/>')),
    ).toThrow(
      new InputError(
        'Cobertura XML has a <line> with invalid hits "lots" at line 6',
      ),
    );
    expect(() => parseCobertura(cobertura('<line number="1"/>'))).toThrow(
      /invalid hits missing/,
    );
    expect(() =>
      parseCobertura(
        cobertura(
          '<line number="1" hits="1" branch="true" condition-coverage="50%"/>',
        ),
      ),
    ).toThrow(/invalid condition-coverage "50%" at line 6/);
    expect(() =>
      parseCobertura(
        cobertura(
          '<line number="1" hits="1" branch="true" condition-coverage="(3/2)"/>',
        ),
      ),
    ).toThrow(/invalid condition-coverage/);
  });

  it('refuses root attributes that claim more covered than valid', () => {
    expect(() =>
      parseCobertura('<coverage lines-covered="5" lines-valid="4"/>'),
    ).toThrow(/counts more covered than valid/);
    expect(() => parseCobertura('<coverage lines-valid="-4"/>')).toThrow(
      /invalid lines-valid "-4" on <coverage>/,
    );
  });

  it('refuses other XML and DTD tricks', () => {
    expect(() => parseCobertura(readFixture('jest-junit.xml'))).toThrow(
      new InputError('not Cobertura XML: root element is <testsuites>'),
    );
    expect(() =>
      parseCobertura(
        '<!DOCTYPE coverage [<!ENTITY x "1">]><coverage lines-valid="&x;"/>',
      ),
    ).toThrow(
      new InputError(
        'Cobertura XML declares entities (<!ENTITY ...>), which Waybill refuses',
      ),
    );
  });

  it('refuses a truncated report', () => {
    const text = readFixture('coverage-py.cobertura.xml');
    expect(() => parseCobertura(text.slice(0, text.length - 40))).toThrow(
      /^Cobertura XML is truncated: unclosed <\w+> at line \d+$/,
    );
  });
});
