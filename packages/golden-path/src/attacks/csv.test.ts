import { parseCsv, runsAsFormula } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, line breaks and doubled quotes, CRLF or LF records', () => {
    expect(
      parseCsv('a,"b,c","say ""hi""","x\r\ny"\r\n,,\n"\t=1",last,'),
    ).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\r\ny'],
      ['', '', ''],
      ['\t=1', 'last', ''],
    ]);
  });

  it('refuses what a spreadsheet would read differently', () => {
    expect(() => parseCsv('a"b,c\n')).toThrow(/quote inside an unquoted/);
    expect(() => parseCsv('"a"b,c\n')).toThrow(/after a closing quote/);
    expect(() => parseCsv('"a,b\n')).toThrow(/unterminated/);
  });
});

describe('runsAsFormula', () => {
  it('flags formula starts, also after white space, and leading tabs and carriage returns', () => {
    for (const cell of [
      '=1+1',
      '+1',
      '-1+1',
      '@SUM(1)',
      ' =1',
      '\t=1',
      '\r=1',
    ]) {
      expect(runsAsFormula(cell)).toBe(true);
    }
    for (const cell of ["'=1+1", "' =1", 'a=1', '', 'component:default/x']) {
      expect(runsAsFormula(cell)).toBe(false);
    }
  });
});
