import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  currentLoad,
  describeMachine,
  formatMs,
  LatencySummary,
  Machine,
  startPortal,
} from '@waybill/bench-utils';
import { BrowserFigures, measurePortfolioPage, TimingSummary } from './browser';
import { generateServices, seedScorecards } from './seed';

const PACKAGE_DIR = resolvePackagePath('@waybill/bench-scorecards-ui');
const REPO_ROOT = join(PACKAGE_DIR, '../..');

/** The portal's port: beside one someone may run on 3000/7007. */
const PORT = 7107;

/** The targets: first page of the portfolio, and applying a filter. */
const TARGETS = { firstPageMs: 1500, filterMs: 300 };

const SERVICES = Number(process.env.WAYBILL_BENCH_SERVICES ?? 10_000);
const RUNS = Number(process.env.WAYBILL_BENCH_RUNS ?? 20);
const CHROMIUM = process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium';
/** The portfolio page's default page size (plugins/scorecards). */
const ROWS_PER_PAGE = 50;

const log = (line: string) =>
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const row = (label: string, s: LatencySummary, note = '') =>
  `  ${label.padEnd(52)} p50 ${formatMs(s.p50).padEnd(9)} p95 ${formatMs(
    s.p95,
  ).padEnd(9)} max ${formatMs(s.max).padEnd(9)} ${note}`;

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** Where the median interaction spent its time: before the page request, in it, and after it. */
const breakdown = (t: TimingSummary) =>
  `median: request sent after ${formatMs(
    t.requestStart.p50,
  )}, answered in ${formatMs(t.request.p50)}, painted ${formatMs(
    t.total.p50 - t.requestStart.p50 - t.request.p50,
  )} later`;

/** The printed summary: the run's conditions, the timings and the targets' verdicts. */
function summaryLines(
  machine: Machine,
  loadAtStart: number,
  figures: BrowserFigures,
): string[] {
  return [
    'Waybill scorecards portfolio page in Chromium',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${
      machine.os
    }, Node ${
      machine.node
    }; load average ${loadAtStart} at start, ${currentLoad()} at end`,
    `Date: ${new Date().toISOString()}`,
    `Data: ${SERVICES.toLocaleString('en-US')} generated services (${
      figures.totalServices
    } in the portfolio), SQLite, the production build of the app served by the backend`,
    `Runs: ${RUNS} of each after one warm-up; ${figures.rowsPerPage} rows per page`,
    row(
      'In-app navigation, home -> first page painted',
      figures.navigation.total,
      breakdown(figures.navigation),
    ),
    row(
      'Business-process filter, click -> new page painted',
      figures.filter.total,
      breakdown(figures.filter),
    ),
    row(
      'Full page load of /scorecards -> first page painted',
      figures.pageLoad,
      '(from navigation start; bundle from the browser cache)',
    ),
    `  Portfolio requests: ${
      figures.portfolioRequests.count
    }, largest page asked ${
      figures.portfolioRequests.maxLimit
    } rows, ${Math.round(
      figures.portfolioRequests.meanBytes / 1024,
    )} KiB per response on average`,
    'Targets',
    `  ${verdict(
      figures.navigation.total.p95 < TARGETS.firstPageMs &&
        figures.pageLoad.p95 < TARGETS.firstPageMs,
    )}  first page < ${formatMs(
      TARGETS.firstPageMs,
    )}   navigation p95 ${formatMs(
      figures.navigation.total.p95,
    )}, full page load p95 ${formatMs(figures.pageLoad.p95)}`,
    `  ${verdict(
      figures.filter.total.p95 < TARGETS.filterMs,
    )}  filter < ${formatMs(TARGETS.filterMs)}        p95 ${formatMs(
      figures.filter.total.p95,
    )}`,
  ];
}

async function main() {
  const machine = describeMachine();
  const directory = await mkdtemp(join(tmpdir(), 'waybill-bench-ui-'));
  try {
    log(
      `seeding ${SERVICES.toLocaleString('en-US')} services into ${directory}`,
    );
    const services = generateServices(SERVICES);
    const seed = await seedScorecards({
      directory,
      repoRoot: REPO_ROOT,
      services,
    });
    log(`seeded ${seed.uploads} uploads in ${formatMs(seed.ms)}`);

    const portal = await startPortal({
      repoRoot: REPO_ROOT,
      port: PORT,
      sqliteDirectory: directory,
      log,
    });
    const loadAtStart = currentLoad();
    let figures;
    try {
      figures = await measurePortfolioPage({
        appUrl: portal.url,
        chromiumPath: CHROMIUM,
        runs: RUNS,
        rowsPerPage: ROWS_PER_PAGE,
        failureScreenshot: join(PACKAGE_DIR, 'results', 'failure.png'),
        log,
      });
    } finally {
      await portal.stop();
    }

    const lines = summaryLines(machine, loadAtStart, figures);
    process.stdout.write(`${lines.join('\n')}\n`);
    const results = join(PACKAGE_DIR, 'results');
    await mkdir(results, { recursive: true });
    await writeFile(
      join(results, 'latest.json'),
      JSON.stringify(
        { machine, services: SERVICES, runs: RUNS, seed, figures },
        null,
        2,
      ),
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
