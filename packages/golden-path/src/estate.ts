import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  TENANT_TYPE,
  WAYBILL_ANNOTATIONS,
  WAYBILL_LABELS,
} from '@waybill/plugin-waybill-common';
import { parseAllDocuments, stringify } from 'yaml';
import { listenOnLoopback, Loopback } from './loopback';

/**
 * A loopback Git host's raw file server: the scaffolded repositories' files at
 * `/<owner>/<name>/<path>` (what tenant rollouts reads a service's strategy file from, through
 * the backend's URL reader), and catalog files at `/catalog/<file>`. Every request is recorded.
 */
export class RepoHost {
  private readonly repos = new Map<string, string>();
  private readonly catalogFiles = new Map<string, string>();
  /** Every path asked for, with the answer's status. */
  readonly requests: Array<{ path: string; status: number }> = [];

  private constructor(
    private readonly loopback: Loopback,
    readonly url: string,
  ) {}

  /** Starts the host on loopback `port` (a free one when 0). */
  static async start(port = 0): Promise<RepoHost> {
    const server = http.createServer();
    const loopback = await listenOnLoopback(server, port);
    const host = new RepoHost(loopback, loopback.baseUrl);
    server.on('request', (req, res) => host.handle(req, res));
    return host;
  }

  /** `host:port`, for `backend.reading.allow`. */
  get hostAndPort(): string {
    return new URL(this.url).host;
  }

  /** Serves the files of `dir` as repository `slug` (`owner/name`). */
  serveRepository(slug: string, dir: string): string {
    this.repos.set(slug, dir);
    return `${this.url}/${slug}/`;
  }

  /** Serves a catalog file; answers its URL. */
  serveCatalogFile(name: string, content: string): string {
    this.catalogFiles.set(name, content);
    return `${this.url}/catalog/${name}`;
  }

  close(): Promise<void> {
    return this.loopback.close();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const pathname = decodeURIComponent(
      new URL(req.url ?? '/', this.url).pathname,
    );
    const answer = (status: number, body: string | Buffer) => {
      this.requests.push({ path: pathname, status });
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
    };
    if (pathname.startsWith('/catalog/')) {
      const file = this.catalogFiles.get(pathname.slice('/catalog/'.length));
      answer(file === undefined ? 404 : 200, file ?? 'Not found');
      return;
    }
    for (const [slug, dir] of this.repos) {
      const prefix = `/${slug}/`;
      if (!pathname.startsWith(prefix)) continue;
      const file = path.resolve(dir, pathname.slice(prefix.length));
      if (
        file.startsWith(`${dir}${path.sep}`) &&
        !file.includes(`${path.sep}.git${path.sep}`) &&
        fs.existsSync(file) &&
        fs.statSync(file).isFile()
      ) {
        answer(200, fs.readFileSync(file));
        return;
      }
    }
    answer(404, 'Not found');
  }
}

/** A tenant of the test estate. */
export interface TestTenant {
  name: string;
  tier: 'internal' | 'standard' | 'critical';
  cloud: 'aws' | 'azure' | 'gcp';
  region: 'north-america' | 'europe' | 'asia-pacific';
  segment: 'wholesale' | 'retail' | 'third-party-logistics' | 'manufacturing';
}

const TIMEZONE: Record<TestTenant['region'], string> = {
  'north-america': 'America/Chicago',
  europe: 'Europe/Amsterdam',
  'asia-pacific': 'Asia/Singapore',
};

/**
 * Eight tenants for one service, spread over tiers (2 internal, 4 standard, 2 critical) so that
 * every wave of every tier's strategy has tenants, and over the clouds the service deploys to
 * (a tenant is served from its own cloud). Names start with `prefix`.
 */
export function tenantsFor(
  prefix: string,
  clouds: Array<TestTenant['cloud']>,
): TestTenant[] {
  const rows: Array<Omit<TestTenant, 'name' | 'cloud'>> = [
    { tier: 'internal', region: 'north-america', segment: 'wholesale' },
    { tier: 'internal', region: 'europe', segment: 'wholesale' },
    { tier: 'standard', region: 'north-america', segment: 'retail' },
    { tier: 'standard', region: 'europe', segment: 'manufacturing' },
    {
      tier: 'standard',
      region: 'asia-pacific',
      segment: 'third-party-logistics',
    },
    { tier: 'standard', region: 'europe', segment: 'wholesale' },
    { tier: 'critical', region: 'north-america', segment: 'manufacturing' },
    { tier: 'critical', region: 'asia-pacific', segment: 'retail' },
  ];
  return rows.map((row, i) => {
    const cloud = clouds[i % clouds.length];
    return { ...row, cloud, name: `${prefix}-${row.tier}-${cloud}-${i + 1}` };
  });
}

/** Tenant Resources (examples/tenants.yaml's format) that depend on `component:default/<service>`. */
export function tenantEntities(
  service: string,
  tenancy: 'shared' | 'dedicated',
  tenants: TestTenant[],
): object[] {
  return tenants.map(t => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: t.name,
      title: `Tenant ${t.name}`,
      labels: {
        [WAYBILL_LABELS.segment]: t.segment,
        [WAYBILL_LABELS.region]: t.region,
        [WAYBILL_LABELS.tier]: t.tier,
        [WAYBILL_LABELS.cloud]: t.cloud,
        [WAYBILL_LABELS.tenancy]: tenancy,
      },
      annotations: { [WAYBILL_ANNOTATIONS.timeZone]: TIMEZONE[t.region] },
    },
    spec: {
      type: TENANT_TYPE,
      owner: 'group:default/customer-success',
      dependsOn: [`component:default/${service}`],
    },
  }));
}

/**
 * The catalog file of one scaffolded service: its `catalog-info.yaml` as registered from its
 * repository (its source location on the loopback host, so relative annotations such as
 * `waybill.dev/rollout-strategy` resolve there) and its tenants.
 */
export function catalogFile(options: {
  catalogInfo: string;
  sourceLocation: string;
  tenants: object[];
}): string {
  const documents = parseAllDocuments(options.catalogInfo).map(d => d.toJS());
  for (const entity of documents) {
    entity.metadata.annotations = {
      ...entity.metadata.annotations,
      'backstage.io/source-location': `url:${options.sourceLocation}`,
    };
  }
  return [...documents, ...options.tenants]
    .map(d => stringify(d))
    .join('---\n');
}

/** Registers a catalog location through the catalog API (as `catalog:register` does). */
export async function registerLocation(
  baseUrl: string,
  token: string,
  target: string,
): Promise<void> {
  const response = await fetch(`${baseUrl}/api/catalog/locations`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ type: 'url', target }),
  });
  if (!response.ok) {
    throw new Error(
      `Registering ${target} answered ${
        response.status
      }: ${await response.text()}`,
    );
  }
}

/** Waits until the catalog serves every entity ref (`kind:namespace/name`). */
export async function waitForEntities(
  baseUrl: string,
  token: string,
  refs: string[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let missing = refs;
  while (Date.now() < deadline) {
    const found = await Promise.all(
      missing.map(async ref => {
        const [kind, rest] = ref.split(':');
        const [namespace, name] = rest.split('/');
        const response = await fetch(
          `${baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        return response.ok;
      }),
    );
    missing = missing.filter((_, i) => !found[i]);
    if (missing.length === 0) return;
    await sleep(250);
  }
  throw new Error(
    `The catalog does not have ${missing.join(', ')} after ${
      timeoutMs / 1000
    } s`,
  );
}
