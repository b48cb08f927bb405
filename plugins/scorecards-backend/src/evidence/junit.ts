import { TestFacts } from '@waybill/plugin-scorecards-common';
import { clip, MAX_MESSAGE_LENGTH } from './text';
import { readXml, XmlElement, XmlFormat } from './xml';

/** How many failing tests the facts list, in file order. */
const MAX_FAILING_TESTS = 50;

const JUNIT: XmlFormat = {
  label: 'JUnit XML',
  roots: ['testsuites', 'testsuite'],
};

type Outcome = 'passed' | 'skipped' | 'errored' | 'failed';

/** The child elements that decide a test case's outcome; a later one only wins if it is worse. */
const OUTCOME_ELEMENTS: ReadonlyMap<string, Outcome> = new Map<string, Outcome>(
  [
    ['skipped', 'skipped'],
    ['error', 'errored'],
    ['failure', 'failed'],
  ],
);

const OUTCOME_RANK: Readonly<Record<Outcome, number>> = {
  passed: 0,
  skipped: 1,
  errored: 2,
  failed: 3,
};

/** The test case being read. */
interface OpenCase {
  element: XmlElement;
  suite: string;
  outcome: Outcome;
  /** The element that decided the outcome, whose text is the message when it has no attribute. */
  outcomeElement?: XmlElement;
  message: string;
  /** Whether `message` is being collected from the outcome element's text. */
  fromText: boolean;
}

/** What has been counted so far. */
interface Tally {
  counts: Record<Outcome, number>;
  failingTests: TestFacts['failingTests'];
}

/** Counts a closed test case, and lists it while it fails and the list has room. */
function tallyCase(tally: Tally, closed: OpenCase): void {
  const { outcome, suite, message } = closed;
  tally.counts[outcome]++;
  if (
    (outcome === 'failed' || outcome === 'errored') &&
    tally.failingTests.length < MAX_FAILING_TESTS
  ) {
    const clipped = clip(message);
    tally.failingTests.push({
      suite,
      name: closed.element.attributes.name ?? '',
      outcome,
      ...(clipped ? { message: clipped } : {}),
    });
  }
}

/** A test case's outcome from a child element, when that element is worse than what it had. */
function decideOutcome(
  current: OpenCase,
  element: XmlElement,
  ancestors: readonly XmlElement[],
): void {
  const outcome = OUTCOME_ELEMENTS.get(element.name);
  if (
    outcome &&
    ancestors[ancestors.length - 1] === current.element &&
    OUTCOME_RANK[outcome] > OUTCOME_RANK[current.outcome]
  ) {
    current.outcome = outcome;
    current.outcomeElement = element;
    current.message = element.attributes.message?.trim() ?? '';
    current.fromText = !current.message;
  }
}

function toTestFacts(
  { counts, failingTests }: Tally,
  durationSeconds: number | null,
): TestFacts {
  return {
    kind: 'tests',
    format: 'junit',
    total: counts.passed + counts.failed + counts.errored + counts.skipped,
    passed: counts.passed,
    failed: counts.failed,
    errored: counts.errored,
    skipped: counts.skipped,
    durationSeconds,
    failingTests,
  };
}

/**
 * Parses JUnit XML as jest-junit, pytest, Maven Surefire/Failsafe, Gradle, PHPUnit and most
 * other runners write it. Counts come from the `<testcase>` elements only: the count
 * attributes of suites disagree between producers and double up in nested suites.
 */
export function parseJUnit(body: string): TestFacts {
  const tally: Tally = {
    counts: { passed: 0, skipped: 0, errored: 0, failed: 0 },
    failingTests: [],
  };
  let duration = 0;
  let timed = false;
  let current: OpenCase | undefined;
  // Per open <testsuite>, the name of the nearest named one: kept as a stack so that finding a
  // case's suite stays constant-time however deep suites nest.
  const suiteNames: Array<string | undefined> = [];

  readXml(body, JUNIT, {
    open(element, ancestors) {
      if (element.name === 'testsuite') {
        suiteNames.push(
          element.attributes.name || suiteNames[suiteNames.length - 1],
        );
        return;
      }
      if (element.name === 'testcase' && !current) {
        current = {
          element,
          suite:
            suiteNames[suiteNames.length - 1] ??
            element.attributes.classname ??
            '',
          outcome: 'passed',
          message: '',
          fromText: false,
        };
        const time = parseSeconds(element.attributes.time);
        if (time !== undefined) {
          duration += time;
          timed = true;
        }
        return;
      }
      if (current) decideOutcome(current, element, ancestors);
    },
    text(text) {
      // Only the text of the deciding element, and only as much as the message can hold.
      if (current?.fromText && current.message.length <= MAX_MESSAGE_LENGTH) {
        current.message += text;
      }
    },
    close(element) {
      if (element.name === 'testsuite') {
        suiteNames.pop();
      }
      if (current?.outcomeElement === element) {
        current.fromText = false;
      }
      if (current?.element !== element) {
        return;
      }
      tallyCase(tally, current);
      current = undefined;
    },
  });

  return toTestFacts(tally, timed ? Math.round(duration * 1000) / 1000 : null);
}

/** A year: no test case takes longer, and the bound keeps the sum finite. */
const MAX_CASE_SECONDS = 366 * 24 * 3600;

/**
 * Reads a `time` attribute. Old Surefire versions wrote locale grouping (`1,234.5`); a time that
 * is still unreadable is treated as not reported rather than failing the whole upload.
 */
function parseSeconds(time: string | undefined): number | undefined {
  if (time === undefined || time.trim() === '') {
    return undefined;
  }
  const seconds = Number(time.replaceAll(',', ''));
  return seconds >= 0 && seconds <= MAX_CASE_SECONDS ? seconds : undefined;
}
