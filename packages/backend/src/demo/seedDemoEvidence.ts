import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EvidenceKind,
  ScorecardsClient,
} from '@waybill/plugin-scorecards-common';
import { pluginClientOptions } from '@waybill/plugin-waybill-node';
import { DemoRelease } from './demoReleases';
import {
  demoBuild,
  renderCycloneDx,
  renderDeliveryEvents,
  renderJUnit,
  renderLcov,
  renderProvenance,
  renderReadiness,
  renderSarif,
  renderSignature,
} from './renderEvidence';

/** The media type of a Sigstore bundle v0.3. */
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/** What seeding needs from the backend. */
export interface SeedOptions {
  releases: DemoRelease[];
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
  logger: LoggerService;
  now?: Date;
  /** How long to wait for the catalog to ingest the demo entities. */
  catalogTimeoutMs?: number;
}

/**
 * Uploads each demo release's evidence through the scorecards API, as a pipeline would, and its
 * delivery events. Releases the scorecards backend already has are left alone, so restarting the
 * portal does not duplicate anything.
 */
export async function seedDemoEvidence(options: SeedOptions): Promise<number> {
  const { releases, auth, discovery, logger } = options;
  const now = options.now ?? new Date();
  await waitForCatalog(options);

  const scorecards = new ScorecardsClient(
    pluginClientOptions({ discovery, auth }),
  );

  let seeded = 0;
  for (const release of releases) {
    if (await hasRelease(scorecards, release)) continue;
    const files: Array<[EvidenceKind, string, string | undefined]> = [
      ['tests', 'application/xml', renderJUnit(release)],
      ['coverage', 'text/plain', renderLcov(release)],
      ['security', 'application/json', renderSarif(release)],
      ['dependencies', 'application/json', renderCycloneDx(release)],
      ['readiness', 'application/json', renderReadiness(release, now)],
      ['provenance', BUNDLE, renderProvenance(release)],
      ['signature', BUNDLE, renderSignature(release)],
    ];
    for (const [evidenceKind, contentType, body] of files) {
      if (body === undefined) continue;
      await scorecards.uploadEvidence(
        release.entity,
        release.version,
        evidenceKind,
        body,
        { contentType, ...demoBuild(release) },
      );
    }
    await scorecards.recordDeliveryEvents({
      events: renderDeliveryEvents(release, now),
    });
    seeded += 1;
  }
  logger.info(
    `Seeded demo evidence for ${seeded} of ${releases.length} releases`,
  );
  return seeded;
}

/** Whether the scorecards backend already has a release (a 404 says it has not). */
async function hasRelease(
  scorecards: ScorecardsClient,
  release: DemoRelease,
): Promise<boolean> {
  try {
    await scorecards.getRelease(release.entity, release.version);
    return true;
  } catch (error) {
    if (error instanceof ResponseError && error.statusCode === 404) {
      return false;
    }
    throw error;
  }
}

async function waitForCatalog(options: SeedOptions) {
  const refs = [...new Set(options.releases.map(r => r.entity))];
  const deadline = Date.now() + (options.catalogTimeoutMs ?? 5 * 60_000);
  const credentials = await options.auth.getOwnServiceCredentials();
  for (;;) {
    const { items } = await options.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ['metadata.name'] },
      { credentials },
    );
    if (items.every(Boolean)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog has not ingested ${refs
          .filter((_, i) => !items[i])
          .join(', ')}; demo evidence not seeded`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}
