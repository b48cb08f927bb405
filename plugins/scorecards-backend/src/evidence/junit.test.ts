import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { parseJUnit } from './junit';

function junit(cases: string, suiteAttributes = 'name="suite"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n<testsuite ${suiteAttributes}>\n${cases}\n</testsuite>\n</testsuites>\n`;
}

describe('parseJUnit', () => {
  it('reads jest-junit output, taking messages from the failure text', () => {
    expect(parseJUnit(readFixture('jest-junit.xml'))).toEqual({
      kind: 'tests',
      format: 'junit',
      total: 7,
      passed: 4,
      failed: 1,
      errored: 1,
      skipped: 1,
      durationSeconds: 0.045,
      failingTests: [
        {
          suite: 'InventoryService',
          name: 'InventoryService refuses to reserve more than is in stock',
          outcome: 'failed',
          message: expect.stringMatching(
            /^Error: expect\(received\)\.toBe\(expected\) \/\/ Object\.is equality\n\nExpected: 3\nReceived: 2\n {4}at Object\.toBe/,
          ),
        },
        {
          suite: 'src/legacy/ImportJob.test.ts',
          name: 'src/legacy/ImportJob.test.ts',
          outcome: 'errored',
          message: expect.stringContaining(
            "Cannot find module '../db/legacyPool' from 'src/legacy/ImportJob.ts'",
          ),
        },
      ],
    });
  });

  it('reads pytest --junitxml output, with skips, xfails and fixture errors', () => {
    expect(parseJUnit(readFixture('pytest-junit.xml'))).toEqual({
      kind: 'tests',
      format: 'junit',
      total: 7,
      passed: 3,
      failed: 1,
      errored: 1,
      skipped: 2,
      durationSeconds: 0.1,
      failingTests: [
        {
          suite: 'pytest',
          name: 'test_refund_requires_payment',
          outcome: 'failed',
          message:
            'assert 402 == 201\n +  where 402 = <WrapperTestResponse 18 bytes [402 PAYMENT REQUIRED]>.status_code',
        },
        {
          suite: 'pytest',
          name: 'test_migration_is_reversible',
          outcome: 'errored',
          message:
            'failed on setup with "psycopg.OperationalError: connection failed: Connection refused"',
        },
      ],
    });
  });

  it('reads a Maven Surefire report, where a flaky failure that passed on rerun is a pass', () => {
    expect(
      parseJUnit(
        readFixture('surefire-TEST-com.acme.inventory.StockServiceTest.xml'),
      ),
    ).toEqual({
      kind: 'tests',
      format: 'junit',
      total: 5,
      passed: 3,
      failed: 1,
      errored: 0,
      skipped: 1,
      durationSeconds: 0.15,
      failingTests: [
        {
          suite: 'com.acme.inventory.StockServiceTest',
          name: 'rejectsNegativeQuantity',
          outcome: 'failed',
          message:
            'Expected java.lang.IllegalArgumentException to be thrown, but nothing was thrown.',
        },
      ],
    });
  });

  it('reads a Gradle report with CDATA output', () => {
    expect(
      parseJUnit(readFixture('gradle-TEST-com.acme.billing.InvoiceTest.xml')),
    ).toEqual({
      kind: 'tests',
      format: 'junit',
      total: 4,
      passed: 2,
      failed: 1,
      errored: 0,
      skipped: 1,
      durationSeconds: 0.082,
      failingTests: [
        {
          suite: 'com.acme.billing.InvoiceTest',
          name: 'appliesVat()',
          outcome: 'failed',
          message:
            'org.opentest4j.AssertionFailedError: expected: <120.00> but was: <119.99>',
        },
      ],
    });
  });

  it('counts the cases of nested suites once, naming the nearest suite', () => {
    const facts = parseJUnit(readFixture('phpunit-nested.xml'));
    expect(facts).toMatchObject({
      total: 6,
      passed: 3,
      failed: 1,
      errored: 1,
      skipped: 1,
    });
    expect(facts.durationSeconds).toBe(0.031);
    expect(facts.failingTests.map(t => [t.suite, t.name, t.outcome])).toEqual([
      ['App\\Tests\\Unit\\CartTest', 'testTotalIncludesShipping', 'failed'],
      [
        'App\\Tests\\Unit\\PriceTest::testRounding',
        'testRounding with data set #1',
        'errored',
      ],
    ]);
  });

  it('counts a file without count attributes or times from its cases', () => {
    expect(parseJUnit(readFixture('no-counts-junit.xml'))).toEqual({
      kind: 'tests',
      format: 'junit',
      total: 5,
      passed: 3,
      failed: 1,
      errored: 1,
      skipped: 0,
      durationSeconds: null,
      failingTests: [
        {
          suite: 'smoke',
          name: 'POST /api/orders without a token returns 401',
          outcome: 'failed',
          message: 'expected 401, got 500',
        },
        // The suite has no name, so the case's class name stands in.
        {
          suite: 'smoke.dns',
          name: 'billing.internal resolves',
          outcome: 'errored',
          message: 'getaddrinfo ENOTFOUND billing.internal',
        },
      ],
    });
  });

  it('ignores count attributes that disagree with the cases', () => {
    const lying = junit(
      '<testcase name="a" time="1"/><testcase name="b" time="2"><failure/></testcase>',
      'name="suite" tests="100" failures="0" errors="0" skipped="0" time="999"',
    );
    expect(parseJUnit(lying)).toMatchObject({
      total: 2,
      passed: 1,
      failed: 1,
      durationSeconds: 3,
      failingTests: [{ suite: 'suite', name: 'b', outcome: 'failed' }],
    });
  });

  it('accepts a bare <testsuite> root and an empty report', () => {
    expect(
      parseJUnit('<testsuite name="x"><testcase name="t"/></testsuite>'),
    ).toMatchObject({
      total: 1,
      passed: 1,
    });
    expect(parseJUnit('<testsuites/>')).toEqual({
      kind: 'tests',
      format: 'junit',
      total: 0,
      passed: 0,
      failed: 0,
      errored: 0,
      skipped: 0,
      durationSeconds: null,
      failingTests: [],
    });
  });

  it('lets the worst outcome of a case win: failure, then error, then skipped', () => {
    const facts = parseJUnit(
      junit(
        [
          '<testcase name="a"><skipped/><failure message="boom"/></testcase>',
          '<testcase name="b"><error message="setup"/><failure message="assert"/></testcase>',
          '<testcase name="c"><failure message="first"/><error message="teardown"/></testcase>',
          '<testcase name="d"><skipped message="later"/></testcase>',
        ].join(''),
      ),
    );
    expect(facts).toMatchObject({
      total: 4,
      failed: 3,
      errored: 0,
      skipped: 1,
    });
    expect(facts.failingTests.map(t => t.message)).toEqual([
      'boom',
      'assert',
      'first',
    ]);
  });

  it('only counts outcome elements that are direct children of the case', () => {
    const facts = parseJUnit(
      junit(
        '<testcase name="a"><system-out><failure>not xml, just logged</failure></system-out></testcase>',
      ),
    );
    expect(facts).toMatchObject({ total: 1, passed: 1, failed: 0 });
  });

  it('omits the message when a failure says nothing', () => {
    const facts = parseJUnit(junit('<testcase name="a"><error/></testcase>'));
    expect(facts.failingTests).toEqual([
      { suite: 'suite', name: 'a', outcome: 'errored' },
    ]);
  });

  it('sums times to the millisecond, ignoring unreadable ones', () => {
    const facts = parseJUnit(
      junit(
        '<testcase name="a" time="0.1"/><testcase name="b" time="0.2"/><testcase name="c" time="1,000.0004"/><testcase name="d" time="n/a"/><testcase name="e" time="-1"/>',
      ),
    );
    expect(facts.durationSeconds).toBe(1000.3);
    expect(facts.total).toBe(5);
  });

  it('keeps at most 50 failing tests and 500 characters of each message', () => {
    const long = 'x'.repeat(2000);
    const cases = Array.from(
      { length: 60 },
      (_, i) => `<testcase name="t${i}"><failure>${long}</failure></testcase>`,
    ).join('\n');
    const facts = parseJUnit(junit(cases));
    expect(facts.failed).toBe(60);
    expect(facts.failingTests).toHaveLength(50);
    expect(facts.failingTests[49].name).toBe('t49');
    expect(facts.failingTests[0].message).toHaveLength(500);
    expect(facts.failingTests[0].message?.endsWith('…')).toBe(true);
  });

  it('refuses a root that is not a test report', () => {
    expect(() => parseJUnit(readFixture('istanbul.cobertura.xml'))).toThrow(
      new InputError('not JUnit XML: root element is <coverage>'),
    );
  });

  it('refuses a truncated report, naming the unclosed element', () => {
    const text = readFixture('jest-junit.xml');
    const cut = text.slice(
      0,
      text.indexOf('<testsuite name="priceFormatter"') + 40,
    );
    expect(() => parseJUnit(cut)).toThrow(
      new InputError('JUnit XML is truncated: unclosed <testsuites> at line 2'),
    );
    const midCase = text.slice(0, text.indexOf('<skipped/>'));
    expect(() => parseJUnit(midCase)).toThrow(
      /^JUnit XML is truncated: unclosed <testcase> at line 20$/,
    );
  });

  it('refuses text that is not XML', () => {
    expect(() => parseJUnit('PASS src/app.test.ts')).toThrow(InputError);
    expect(() => parseJUnit('')).toThrow(
      new InputError('JUnit XML has no root element'),
    );
  });
});
