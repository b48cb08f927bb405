/** One fault the suite injected, what it checked afterwards and what it found. */
export interface FaultRow {
  fault: string;
  checked: string;
  result: string;
}

/** The suite's findings, printed as a Markdown table at the end of the run. */
export class FaultTable {
  private readonly rows: FaultRow[] = [];

  add(row: FaultRow): void {
    this.rows.push(row);
  }

  toString(): string {
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    return [
      '| fault | what was checked | result |',
      '| --- | --- | --- |',
      ...this.rows.map(
        r => `| ${cell(r.fault)} | ${cell(r.checked)} | ${cell(r.result)} |`,
      ),
    ].join('\n');
  }
}
