/**
 * Parses CSV as RFC 4180 defines it: records end in CRLF (a lone LF is taken too, as every
 * reader does), fields are separated by commas, a field in double quotes may hold commas, line
 * breaks and doubled quotes. Throws on a quote inside an unquoted field, text after a closing
 * quote, or an unterminated quoted field, which a spreadsheet would read differently.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Not RFC 4180 CSV at offset ${i}: ${why}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += text[i++];
        }
      }
      if (i < text.length && !/^(,|\r\n|\n)/.test(text.slice(i, i + 2))) {
        fail('text after a closing quote');
      }
    } else {
      while (i < text.length && !/^(,|\r\n|\n)/.test(text.slice(i, i + 2))) {
        if (text[i] === '"') fail('a quote inside an unquoted field');
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      if (i === text.length) record.push('');
    } else {
      i += text[i] === '\r' ? 2 : 1;
      records.push(record);
      record = [];
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}

/**
 * Whether a spreadsheet would run the cell as a formula (OWASP's CSV injection guidance): it
 * starts with `=`, `+`, `-` or `@`, also after leading white space, or with a tab or carriage
 * return. A cell neutralised with a leading `'` is text.
 */
export function runsAsFormula(cell: string): boolean {
  return /^[\t\r]/.test(cell) || /^\s*[=+\-@]/.test(cell);
}
