import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DemoRelease } from './demoReleases';
import {
  renderCycloneDx,
  renderDeliveryEvents,
  renderJUnit,
  renderLcov,
  renderReadiness,
  renderSarif,
} from './renderEvidence';

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

  const baseUrl = await discovery.getBaseUrl('scorecards');
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'scorecards',
  });
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}` },
    });
    if (!res.ok && res.status !== 404) {
      throw new Error(
        `${init.method ?? 'GET'} ${path} answered ${
          res.status
        }: ${await res.text()}`,
      );
    }
    return res;
  };

  let seeded = 0;
  for (const release of releases) {
    const { kind, namespace, name } = parseEntityRef(release.entity);
    const path = `/entities/${kind}/${namespace}/${name}/releases/${encodeURIComponent(
      release.version,
    )}`;
    if ((await call(path)).status !== 404) continue;
    const files: Array<[string, string, string]> = [
      ['tests', 'application/xml', renderJUnit(release)],
      ['coverage', 'text/plain', renderLcov(release)],
      ['security', 'application/json', renderSarif(release)],
      ['dependencies', 'application/json', renderCycloneDx(release)],
      ['readiness', 'application/json', renderReadiness(release, now)],
    ];
    for (const [evidenceKind, contentType, body] of files) {
      await call(`${path}/evidence/${evidenceKind}`, {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body,
      });
    }
    await call('/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: renderDeliveryEvents(release, now) }),
    });
    seeded += 1;
  }
  logger.info(
    `Seeded demo evidence for ${seeded} of ${releases.length} releases`,
  );
  return seeded;
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
