import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EvidenceFormat,
  SUPPLY_CHAIN_FORMATS,
} from '@waybill/plugin-scorecards-common';

/** Reads a file of `__fixtures__` as text. */
export function readFixture(name: string): string {
  return readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');
}

/** The formats Waybill parses; signed evidence is verified instead (supplyChain/). */
export type ParsedFormat = Exclude<
  EvidenceFormat,
  (typeof SUPPLY_CHAIN_FORMATS)[number]
>;

/** The fixture files of each parsed evidence format, as their producers write them. */
export const FIXTURES: Readonly<Record<ParsedFormat, readonly string[]>> = {
  junit: [
    'jest-junit.xml',
    'pytest-junit.xml',
    'surefire-TEST-com.acme.inventory.StockServiceTest.xml',
    'gradle-TEST-com.acme.billing.InvoiceTest.xml',
    'phpunit-nested.xml',
    'no-counts-junit.xml',
  ],
  cobertura: ['coverage-py.cobertura.xml', 'istanbul.cobertura.xml'],
  lcov: ['istanbul.lcov.info', 'geninfo-no-summaries.lcov.info'],
  sarif: [
    'codeql.sarif',
    'semgrep.sarif',
    'trivy-and-semgrep.sarif',
    'eslint-baseline.sarif',
  ],
  cyclonedx: [
    'trivy-1.4.cdx.json',
    'cdxgen-1.5.cdx.json',
    'syft-1.6.cdx.json',
    'grype-1.6.cdx.json',
  ],
  'waybill-readiness': ['readiness.json'],
};

/** The delivery event fixtures: Waybill's JSON and CDEvents. */
export const DELIVERY_EVENT_FIXTURES = [
  'delivery-events.waybill.json',
  'cdevents.json',
];
