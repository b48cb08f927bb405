import { isError } from '@backstage/errors';
import {
  DeliveryEvent,
  EvidenceFacts,
  SEVERITIES,
  SeverityCounts,
} from '@waybill/plugin-scorecards-common';
import fc from 'fast-check';
import {
  DELIVERY_EVENT_FIXTURES,
  FIXTURES,
  ParsedFormat,
  readFixture,
} from './__testUtils__/fixtures';
import { parseDeliveryEvents } from './deliveryEvents';
import { parseEvidence } from './parseEvidence';

const RUNS = { numRuns: 200 };
const FORMATS = Object.keys(FIXTURES) as ParsedFormat[];
const JSON_FORMATS: ParsedFormat[] = [
  'sarif',
  'cyclonedx',
  'waybill-readiness',
];

function fail(message: string): never {
  throw new Error(message);
}

function checkCounts(label: string, values: readonly number[]): void {
  if (!values.every(n => Number.isInteger(n) && n >= 0)) {
    fail(
      `${label}: counts must be non-negative integers, got ${values.join(
        ', ',
      )}`,
    );
  }
}

function checkSeverityCounts(label: string, counts: SeverityCounts): number {
  checkCounts(
    label,
    SEVERITIES.map(s => counts[s]),
  );
  return SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
}

function checkRate(label: string, rate: number | null): void {
  if (rate !== null && !(rate >= 0 && rate <= 1)) {
    fail(`${label}: rate ${rate} is outside 0..1`);
  }
}

/** The invariants every facts object keeps, whatever the input was. */
function checkFacts(facts: EvidenceFacts): void {
  switch (facts.kind) {
    case 'tests': {
      const {
        total,
        passed,
        failed,
        errored,
        skipped,
        durationSeconds,
        failingTests,
      } = facts;
      checkCounts('tests', [total, passed, failed, errored, skipped]);
      if (passed + failed + errored + skipped !== total)
        fail('tests: outcomes do not add up');
      if (
        durationSeconds !== null &&
        !(durationSeconds >= 0 && Number.isFinite(durationSeconds))
      ) {
        fail(`tests: duration ${durationSeconds}`);
      }
      if (
        failingTests.length > 50 ||
        failingTests.some(t => (t.message?.length ?? 0) > 500)
      ) {
        fail('tests: failing tests are not capped');
      }
      return;
    }
    case 'coverage': {
      const { linesCovered, linesValid, branchesCovered, branchesValid } =
        facts;
      checkCounts('coverage', [
        linesCovered,
        linesValid,
        branchesCovered,
        branchesValid,
      ]);
      checkRate('coverage lines', facts.lineRate);
      checkRate('coverage branches', facts.branchRate);
      return;
    }
    case 'security': {
      checkCounts('security', [facts.total, facts.suppressed]);
      if (checkSeverityCounts('security', facts.bySeverity) !== facts.total) {
        fail('security: severities do not add up');
      }
      checkSeverityCounts('security new', facts.newBySeverity);
      Object.values(facts.byTool).forEach(c =>
        checkSeverityCounts('security by tool', c),
      );
      if (facts.worst.length > 20) fail('security: worst is not capped');
      return;
    }
    case 'dependencies':
      checkCounts('dependencies', [facts.componentCount]);
      checkSeverityCounts('dependencies', facts.vulnerabilitiesBySeverity);
      if (facts.worst.length > 20) fail('dependencies: worst is not capped');
      return;
    case 'readiness':
      if (typeof facts.killSwitch !== 'boolean') fail('readiness: kill switch');
      return;
    default:
      fail(`unknown kind in ${JSON.stringify(facts)}`);
  }
}

/** Runs `parse`: it must return what `check` accepts, or throw an InputError, nothing else. */
function parsesOrRefuses<T>(parse: () => T, check: (result: T) => void): void {
  let result: T;
  try {
    result = parse();
  } catch (error) {
    if (isError(error) && error.name === 'InputError') {
      return;
    }
    throw error;
  }
  check(result);
}

function checkEvents(events: DeliveryEvent[]): void {
  for (const event of events) {
    if (
      !event.id ||
      !event.entityRef.includes(':') ||
      Number.isNaN(Date.parse(event.occurredAt))
    ) {
      fail(`bad event ${JSON.stringify(event)}`);
    }
  }
}

/** Any value as text, the way a client might send it. */
function asBody(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** A fixture cut short, cut at both ends, or with a few characters changed. */
function mutated(texts: readonly string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...texts).chain(text =>
    fc.oneof(
      fc.nat({ max: text.length }).map(end => text.slice(0, end)),
      fc
        .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
        .map(([a, b]) => text.slice(Math.min(a, b), Math.max(a, b))),
      fc
        .array(
          fc.tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: 15 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        )
        .map(flips =>
          flips.reduce(
            (t, [at, bit]) =>
              t.slice(0, at) +
              String.fromCharCode(t.charCodeAt(at) ^ (1 << bit)) +
              t.slice(at + 1),
            text,
          ),
        ),
      fc
        .tuple(
          fc.nat({ max: text.length }),
          fc.string({ unit: 'binary', maxLength: 20 }),
        )
        .map(([at, inserted]) => text.slice(0, at) + inserted + text.slice(at)),
    ),
  );
}

/** Every path to a value inside a JSON document, the root included. */
function jsonPaths(value: unknown): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const pending: Array<[unknown, (string | number)[]]> = [[value, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, path] = next;
    paths.push(path);
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        pending.push([
          child,
          [...path, Array.isArray(node) ? Number(key) : key],
        ]);
      }
    }
  }
  return paths;
}

/** A JSON fixture with one value, anywhere in it, replaced by an arbitrary one. */
function structurallyMutated(texts: readonly string[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(...texts).chain(text => {
    const paths = jsonPaths(JSON.parse(text));
    return fc
      .tuple(fc.constantFrom(...paths), fc.jsonValue())
      .map(([path, replacement]) => {
        if (path.length === 0) {
          return replacement;
        }
        const document = JSON.parse(text);
        const parent = path
          .slice(0, -1)
          .reduce((node, key) => node[key], document);
        parent[path[path.length - 1]] = replacement;
        return document;
      });
  });
}

/** Checks `predicate` on RUNS generated values; a failure carries fast-check's counterexample. */
function holdsFor<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void,
): void {
  fc.assert(fc.property(arbitrary, predicate), RUNS);
}

describe('parseEvidence on arbitrary input', () => {
  describe.each(FORMATS)('%s', format => {
    const parses = (body: string) =>
      parsesOrRefuses(() => parseEvidence(format, body), checkFacts);
    const texts = FIXTURES[format].map(readFixture);

    it('returns sane facts or throws an InputError for arbitrary strings', () => {
      expect(() =>
        holdsFor(fc.string({ unit: 'binary', maxLength: 300 }), parses),
      ).not.toThrow();
    });

    it('does so for arbitrary JSON text and values', () => {
      expect(() => holdsFor(fc.json(), parses)).not.toThrow();
      expect(() =>
        holdsFor(fc.anything(), value => parses(asBody(value))),
      ).not.toThrow();
    });

    it('does so for truncated and corrupted fixtures', () => {
      expect(() => holdsFor(mutated(texts), parses)).not.toThrow();
    });
  });

  describe.each(JSON_FORMATS)('%s', format => {
    it('returns sane facts or throws an InputError for fixtures with any one value replaced', () => {
      const texts = FIXTURES[format].map(readFixture);
      expect(() =>
        holdsFor(structurallyMutated(texts), document =>
          parsesOrRefuses(
            () => parseEvidence(format, JSON.stringify(document)),
            checkFacts,
          ),
        ),
      ).not.toThrow();
    });
  });
});

describe('parseDeliveryEvents on arbitrary input', () => {
  const texts = DELIVERY_EVENT_FIXTURES.map(readFixture);
  const parses = (body: unknown) =>
    parsesOrRefuses(() => parseDeliveryEvents(body), checkEvents);

  it('returns events or throws an InputError for arbitrary values', () => {
    expect(() => holdsFor(fc.anything(), parses)).not.toThrow();
    expect(() => holdsFor(fc.jsonValue(), parses)).not.toThrow();
  });

  it('does so for fixtures with any one value replaced', () => {
    expect(() => holdsFor(structurallyMutated(texts), parses)).not.toThrow();
  });
});
