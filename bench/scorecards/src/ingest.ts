import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  evaluateScorecard,
  EvidenceKind,
} from '@waybill/plugin-scorecards-common';
import { tierOf } from '@waybill/plugin-waybill-common';
// Imported by path, as in ./waybill.
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { entitySnapshot } from '@waybill/plugin-scorecards-backend/src/service/entitySnapshot';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import {
  BENCH_NOW,
  BenchEntity,
  digestOf,
  generateRelease,
  UPLOAD_KINDS,
  VERSIONS,
} from './dataset';
import { Random, forEachConcurrently, timed } from '@waybill/bench-utils';
import { UPLOADER, WaybillContext } from './waybill';

/** What an ingest phase did. */
export interface IngestResult {
  uploads: number;
  releases: number;
  ms: number;
  uploadsPerSecond: number;
}

/**
 * Stores every release's evidence through `DatabaseScorecardStore.recordEvidence` with the
 * production evaluator (`evaluateScorecard` with the configured policy, `DEFAULT_POLICY`): one
 * transaction per upload, five uploads per release, releases of an entity oldest first.
 */
export async function ingestBulk(
  context: WaybillContext,
  entities: BenchEntity[],
  concurrency: number,
  onProgress?: (done: number) => void,
): Promise<IngestResult> {
  const { store, config } = context;
  const { policy, environments, policyDigest } = config;
  let uploads = 0;
  const { ms } = await timed(() =>
    forEachConcurrently(entities, concurrency, async (entity, index) => {
      const snapshot = entitySnapshot(entity.entity);
      for (let r = 0; r < VERSIONS.length; r++) {
        const release = generateRelease(entity, r);
        for (const kind of UPLOAD_KINDS) {
          const facts = release.facts[kind];
          if (!facts) continue;
          await store.recordEvidence(
            {
              entityRef: snapshot.entityRef,
              entity: snapshot,
              version: release.version,
              commit: `${entity.index.toString(16)}${r}`.padEnd(40, '0'),
              kind,
              format: facts.format,
              digest: digestOf(release, facts),
              sizeBytes: JSON.stringify(facts).length,
              facts,
              uploadedBy: UPLOADER,
            },
            evidence =>
              evaluateScorecard({
                policy,
                evidence,
                tier: tierOf(entity.entity),
                environments,
                now: BENCH_NOW,
              }),
            policyDigest,
          );
          uploads++;
        }
      }
      if (onProgress && (index + 1) % 1000 === 0) onProgress(index + 1);
    }),
  );
  return {
    uploads,
    releases: entities.length * VERSIONS.length,
    ms,
    uploadsPerSecond: uploads / (ms / 1000),
  };
}

/**
 * The real evidence files of the plugin's parser tests, by kind of upload. Signed evidence
 * (signature, provenance) is left out of the full path: it verifies against the trust of the
 * plugin's own tests, not the bench's.
 */
const FIXTURE_FILES: Partial<Record<EvidenceKind, string[]>> = {
  tests: [
    'jest-junit.xml',
    'pytest-junit.xml',
    'surefire-TEST-com.acme.inventory.StockServiceTest.xml',
    'gradle-TEST-com.acme.billing.InvoiceTest.xml',
    'phpunit-nested.xml',
  ],
  coverage: [
    'coverage-py.cobertura.xml',
    'istanbul.cobertura.xml',
    'istanbul.lcov.info',
  ],
  dependencies: [
    'trivy-1.4.cdx.json',
    'cdxgen-1.5.cdx.json',
    'syft-1.6.cdx.json',
    'grype-1.6.cdx.json',
  ],
  security: [
    'codeql.sarif',
    'semgrep.sarif',
    'trivy-and-semgrep.sarif',
    'eslint-baseline.sarif',
  ],
  readiness: ['readiness.json'],
};

/** The Content-Type a pipeline sends a fixture with, by its file name. */
function contentTypeOf(name: string): string {
  if (name.endsWith('.xml')) return 'application/xml';
  if (name.endsWith('.info')) return 'text/plain';
  if (name.endsWith('.sarif')) return 'application/sarif+json';
  if (name.endsWith('.cdx.json')) return 'application/vnd.cyclonedx+json';
  return 'application/json';
}

/** The version the full-path sample uploads, newer than every bulk release. */
export const FULL_PATH_VERSION = '2.0.0';

/**
 * Uploads real fixture files through `ReleaseScorecards.uploadEvidence` (entity lookup in the
 * catalog, format detection, parsing, digest, store and evaluation), five per release, for
 * `uploads / 5` entities. Run it last: it adds a newer release to those entities.
 */
export async function ingestFullPath(
  context: WaybillContext,
  entities: BenchEntity[],
  uploads: number,
): Promise<IngestResult> {
  const dir = resolvePackagePath(
    '@waybill/plugin-scorecards-backend',
    'src/evidence/__fixtures__',
  );
  const kinds = UPLOAD_KINDS.filter(kind => FIXTURE_FILES[kind]);
  const files = Object.fromEntries(
    kinds.map(kind => [
      kind,
      FIXTURE_FILES[kind]!.map(name => ({
        body: readFileSync(join(dir, name)),
        contentType: contentTypeOf(name),
      })),
    ]),
  ) as Record<EvidenceKind, Array<{ body: Buffer; contentType: string }>>;
  const releases = Math.ceil(uploads / kinds.length);
  const sample = new Random(7).shuffle(entities).slice(0, releases);
  const credentials = mockCredentials.service('ci-bench');
  let done = 0;
  const { ms } = await timed(async () => {
    for (const [i, entity] of sample.entries()) {
      for (const kind of kinds) {
        const file = files[kind][i % files[kind].length];
        await context.scorecards.uploadEvidence(
          {
            entityRef: entity.ref,
            version: FULL_PATH_VERSION,
            kind,
            ...file,
          },
          { caller: { type: 'service', subject: UPLOADER }, credentials },
        );
        done++;
      }
    }
  });
  return {
    uploads: done,
    releases: sample.length,
    ms,
    uploadsPerSecond: done / (ms / 1000),
  };
}
