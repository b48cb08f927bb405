// JUnit XML for the pipeline's own checks (smoke, contract, business), as Waybill's scorecards
// read it: one <testcase> per check, a <failure> with the reason when it failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const escapeXml = text =>
  String(text)
    // Characters XML 1.0 does not allow, even escaped.
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const seconds = ms => (ms / 1000).toFixed(3);

/**
 * Writes one test suite.
 *
 * @param {string} file
 * @param {string} suite
 * @param {Array<{ name: string, ms: number, failure?: string }>} cases
 */
export function writeJUnit(file, suite, cases) {
  const failures = cases.filter(c => c.failure !== undefined).length;
  const total = cases.reduce((sum, c) => sum + c.ms, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suite)}" tests="${
      cases.length
    }" failures="${failures}" errors="0" time="${seconds(total)}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${
      cases.length
    }" failures="${failures}" errors="0" skipped="0" time="${seconds(
      total,
    )}" timestamp="${new Date().toISOString()}">`,
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${escapeXml(
      suite,
    )}" name="${escapeXml(c.name)}" time="${seconds(c.ms)}"`;
    if (c.failure === undefined) {
      lines.push(`${open}/>`);
    } else {
      const message = c.failure.split('\n')[0];
      lines.push(
        `${open}>`,
        `      <failure message="${escapeXml(message)}">${escapeXml(
          c.failure,
        )}</failure>`,
        '    </testcase>',
      );
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lines.join('\n'));
}

/** Collects checks, prints each outcome and writes the report; `finish` returns the exit code. */
export class CheckRun {
  /** @param {string} suite */
  constructor(suite) {
    this.suite = suite;
    /** @type {Array<{ name: string, ms: number, failure?: string }>} */
    this.cases = [];
  }

  /**
   * Runs one check; it fails when `fn` throws, with the error's message as the reason.
   *
   * @param {string} name
   * @param {() => unknown} fn
   */
  async check(name, fn) {
    const started = performance.now();
    try {
      await fn();
      this.pass(name, performance.now() - started);
      return true;
    } catch (error) {
      this.fail(
        name,
        error instanceof Error ? error.message : String(error),
        performance.now() - started,
      );
      return false;
    }
  }

  /** @param {string} name @param {number} [ms] */
  pass(name, ms = 0) {
    this.cases.push({ name, ms });
    console.log(`ok      ${name}`);
  }

  /** @param {string} name @param {string} reason @param {number} [ms] */
  fail(name, reason, ms = 0) {
    this.cases.push({ name, ms, failure: reason });
    console.error(`FAILED  ${name}: ${reason}`);
  }

  /** Writes the JUnit report; 0 when every check passed (and there was one), else 1. */
  finish(file) {
    if (this.cases.length === 0) {
      this.fail(`${this.suite} ran checks`, 'no check was run');
    }
    writeJUnit(file, this.suite, this.cases);
    const failed = this.cases.filter(c => c.failure !== undefined).length;
    console.log(
      `${this.suite}: ${
        this.cases.length - failed
      } passed, ${failed} failed (report: ${file})`,
    );
    return failed === 0 ? 0 : 1;
  }
}
