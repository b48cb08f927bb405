import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Machine } from './machine';

/** When, where and on what tree a benchmark run took its figures: the head of every report. */
export interface RunDescription {
  /** ISO time of the end of the run. */
  date: string;
  /** The commit, with what was uncommitted (see `describeTree`). */
  tree: string;
  machine: Machine;
  /** The 1-minute load average at the end of the run (the machine's is at its start). */
  loadAtEnd: number;
  wallSeconds: number;
}

/** The two lines that open a report: the machine with its load, then the date, tree and wall time. */
export function runHeaderLines(run: RunDescription): string[] {
  const { machine } = run;
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage} at start, ${run.loadAtEnd} at end`,
    `Date: ${run.date}; tree ${run.tree}; wall time ${run.wallSeconds.toFixed(
      0,
    )} s`,
  ];
}

/** `text` padded to `width` characters, to the left when `right` (a column of a text table). */
export function cell(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** `PASS` or `FAIL`. */
export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'FAIL';
}

/**
 * Writes a run's figures as indented JSON to `results/<name>` in the benchmark's package directory
 * (git-ignored), creating the directory; answers the file's path.
 */
export async function writeResultJson(
  packageDir: string,
  result: unknown,
  name = 'latest.json',
): Promise<string> {
  const dir = join(packageDir, 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
