import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { guestToken } from '@waybill/bench-utils';
import { parse } from 'yaml';

/** The demo manifest `waybill.demo.seedEvidence` points at (app-config.yaml). */
const DEMO_MANIFEST = 'examples/evidence/releases.yaml';

/** The entities of the demo releases: the portfolio has one row each once their evidence is in. */
export async function demoEntities(repoRoot: string): Promise<number> {
  const manifest = parse(
    await readFile(join(repoRoot, DEMO_MANIFEST), 'utf8'),
  ) as { releases: Array<{ entity: string }> };
  return new Set(manifest.releases.map(r => r.entity)).size;
}

/** The portfolio's total, as the guest sees it (`GET /api/scorecards/portfolio`); 0 on an error. */
async function portfolioTotal(backendUrl: string): Promise<number> {
  try {
    const token = await guestToken(backendUrl);
    const response = await fetch(
      `${backendUrl}/api/scorecards/portfolio?limit=1`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!response.ok) return 0;
    const page = (await response.json()) as { totalCount: number };
    return page.totalCount;
  } catch {
    return 0;
  }
}

/**
 * Waits until the demo evidence is in: the portfolio answers the guest with one row per demo
 * entity (`expected`), or, should some entity never show (a catalog change), with a total that has
 * not moved for a minute. Answers the portfolio's total.
 */
export async function waitForDemoEvidence(options: {
  backendUrl: string;
  expected: number;
  timeoutMs: number;
  log: (line: string) => void;
}): Promise<number> {
  const { backendUrl, expected, log } = options;
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let last = -1;
  let lastChange = Date.now();
  while (Date.now() < deadline) {
    const total = await portfolioTotal(backendUrl);
    if (total !== last) {
      last = total;
      lastChange = Date.now();
    }
    const settled = total > 0 && Date.now() - lastChange > 60_000;
    if (total >= expected || settled) {
      log(
        `demo evidence in: the portfolio has ${total} rows (${expected} demo entities) after ${Math.round(
          (Date.now() - started) / 1000,
        )} s`,
      );
      return total;
    }
    await sleep(2000);
  }
  throw new Error(
    `The portfolio had ${last} rows of ${expected} after ${
      options.timeoutMs / 1000
    } s`,
  );
}
