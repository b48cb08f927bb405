import { InputError } from '@backstage/errors';
import { CoverageFacts } from '@waybill/plugin-scorecards-common';
import {
  CoverageCounts,
  emptyCoverageCounts,
  parseCount,
  toCoverageFacts,
} from './coverage';
import { describeValue } from './text';

const LABEL = 'LCOV';

/** The summary records, which Waybill trusts over the per-line ones when a file has both. */
const SUMMARY_KEYS = ['LF', 'LH', 'BRF', 'BRH'] as const;
type SummaryKey = (typeof SUMMARY_KEYS)[number];

/** One `SF:` ... `end_of_record` section: the coverage of one source file. */
interface LcovRecord {
  file: string;
  line: number;
  summary: Partial<Record<SummaryKey, number>>;
  /** Per `DA:` line number, whether it was hit. */
  lines: Map<string, boolean>;
  /** Per `BRDA:` line, block and branch, whether it was taken. */
  branches: Map<string, boolean>;
}

/**
 * Parses an LCOV tracefile (istanbul, c8, geninfo, grcov, ...). Per source file, the LF/LH and
 * BRF/BRH summaries are summed; a file without them is counted from its DA/BRDA lines.
 */
export function parseLcov(body: string): CoverageFacts {
  const totals = emptyCoverageCounts();
  let record: LcovRecord | undefined;
  let records = 0;

  body.split('\n').forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === '') {
      return;
    }
    if (line === 'end_of_record') {
      if (!record) {
        throw new InputError(
          `${LABEL} line ${lineNumber}: end_of_record without an SF: record`,
        );
      }
      addRecord(totals, record);
      record = undefined;
      return;
    }
    const colon = line.indexOf(':');
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (colon < 0 || !/^[A-Z_]+$/.test(key)) {
      throw new InputError(
        `${LABEL} line ${lineNumber} is not an LCOV record: ${describeValue(
          line,
        )}`,
      );
    }
    if (key === 'SF') {
      if (record) {
        throw new InputError(
          `${LABEL} line ${lineNumber}: SF: before the end_of_record of ${describeValue(
            record.file,
          )}`,
        );
      }
      record = {
        file: value,
        line: lineNumber,
        summary: {},
        lines: new Map(),
        branches: new Map(),
      };
      records++;
      return;
    }
    if (key === 'DA' || key === 'BRDA' || isSummaryKey(key)) {
      if (!record) {
        throw new InputError(
          `${LABEL} line ${lineNumber}: ${key}: outside an SF: record`,
        );
      }
      readData(record, key, value, lineNumber);
    }
    // Other records (TN, FN, FNDA, FNF, FNH, VER, ...) do not bear on line or branch coverage.
  });

  if (record) {
    throw new InputError(
      `${LABEL} is truncated: the record of ${describeValue(
        record.file,
      )} at line ${record.line} has no end_of_record`,
    );
  }
  if (records === 0) {
    throw new InputError(`${LABEL} has no records (no SF: line)`);
  }
  return toCoverageFacts('lcov', totals, LABEL);
}

function isSummaryKey(key: string): key is SummaryKey {
  return (SUMMARY_KEYS as readonly string[]).includes(key);
}

function readData(
  record: LcovRecord,
  key: string,
  value: string,
  lineNumber: number,
): void {
  const invalid = () =>
    new InputError(
      `${LABEL} line ${lineNumber} has an invalid ${key}: ${describeValue(
        value,
      )}`,
    );
  if (isSummaryKey(key)) {
    const count = parseCount(value);
    if (count === undefined) {
      throw invalid();
    }
    record.summary[key] = count;
    return;
  }
  // DA:<line>,<hits>[,<checksum>]; BRDA:<line>,<block>,<branch>,<taken>, where taken is `-`
  // when the branch's block never ran. Newer lcov may put commas in the branch expression,
  // so the branch is identified by everything before the last comma.
  const parts = value.split(',');
  const isLine = key === 'DA';
  const hit = isLine ? parts[1] : parts[parts.length - 1];
  const hits = hit === '-' && !isLine ? 0 : Number(hit);
  if (
    parts.length < (isLine ? 2 : 4) ||
    parseCount(parts[0]) === undefined ||
    !hit ||
    !Number.isFinite(hits)
  ) {
    throw invalid();
  }
  const id = isLine ? parts[0] : value.slice(0, value.lastIndexOf(','));
  const seen = isLine ? record.lines : record.branches;
  // The same line may be listed twice (merged traces): it counts once, covered if either hit.
  seen.set(id, seen.get(id) === true || hits > 0);
}

function addRecord(totals: CoverageCounts, record: LcovRecord): void {
  const { summary } = record;
  const lines =
    summary.LF !== undefined && summary.LH !== undefined
      ? { valid: summary.LF, covered: summary.LH }
      : tally(record.lines);
  const branches =
    summary.BRF !== undefined && summary.BRH !== undefined
      ? { valid: summary.BRF, covered: summary.BRH }
      : tally(record.branches);
  if (lines.covered > lines.valid || branches.covered > branches.valid) {
    throw new InputError(
      `${LABEL} record of ${describeValue(record.file)} at line ${
        record.line
      } counts more hit than found`,
    );
  }
  totals.linesValid += lines.valid;
  totals.linesCovered += lines.covered;
  totals.branchesValid += branches.valid;
  totals.branchesCovered += branches.covered;
}

function tally(entries: Map<string, boolean>): {
  valid: number;
  covered: number;
} {
  let covered = 0;
  entries.forEach(hit => {
    if (hit) {
      covered++;
    }
  });
  return { valid: entries.size, covered };
}
