/*
 * A standing HTTP attack suite against the real Waybill backend (issue 15): one backend for the
 * whole file (startEstate: SQLite files, the demo catalog, Waybill's permission policy), and
 * every operation of the three plugins' OpenAPI specs attacked as a caller the route lets in:
 *
 * - requests generated from the specs (fast-check, fixed seed): 2xx or 4xx only, errors in
 *   Backstage's JSON shape, and a refused request leaves every table of its plugin as it was;
 * - 401 without a token or with a forged one, and 403 naming the permission for the guest on
 *   routes its roles do not give it;
 * - path traversal and odd entity refs in paths, queries and bodies: refused, never 5xx, and
 *   never an answer about the entity they point past;
 * - bodies over each route's limit, plain and gzip-compressed: 413, and the limit documented;
 * - spreadsheet formulas in every catalog-derived cell of the portfolio CSV: neutralised;
 * - a flood of delivery events with repeated ids, in one request and in concurrent ones: each
 *   id stored once and counted once by DORA.
 *
 * What was sent and what came back is printed at the end.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { stringify } from 'yaml';
import { registerLocation, waitForEntities } from '../estate';
import { waybillApi } from '../harness';
import { PipelineEstate, startEstate, stopEstate } from '../pipelineEstate';
import { parseCsv, runsAsFormula } from './csv';
import {
  FORMULAS,
  ODD_ENTITY_REFS,
  ODD_PATH_SEGMENTS,
  PASSWD_MARKER,
  RAW_TRAVERSALS,
  TARGET_ENTITY,
} from './hostileInputs';
import { exampleTarget, Operation } from './openApi';
import { GeneratedRequest, requestArbitrary } from './openApiArbitraries';
import { PluginTables, RowCounts } from './pluginTables';
import {
  backstageErrorProblems,
  percentEncode,
  RawResponse,
  send,
} from './rawHttp';
import {
  accessOf,
  DOCUMENTED_BODY_LIMITS,
  operationById,
  WAYBILL_OPERATIONS,
} from './routeCatalog';
import { KnownValues } from './schemaArbitraries';

jest.setTimeout(120_000);

/** Every property runs from this seed; fast-check's failure report names it and the path. */
const SEED = 15_2026;
const RUNS_PER_OPERATION = 30;

/** The release of the target entity the specs' examples name (`4.2.0`), with evidence. */
const READINESS = {
  previousVersionDeployable: true,
  migrationsReversible: false,
  lastRollbackDrill: '2024-04-22',
  killSwitch: true,
};

/** A body each body-taking route accepts, so that an attack can change one thing only. */
const VALID_BODIES: Readonly<Record<string, unknown>> = {
  uploadEvidence: READINESS,
  recordDeliveryEvents: {
    type: 'deployment',
    entityRef: TARGET_ENTITY.ref,
    occurredAt: '2026-11-02T10:00:00Z',
    environment: 'production',
    version: '4.2.0',
    source: 'attack-suite',
    id: 'target-deployment',
  },
  overrideGate: {
    reason: 'Attack suite: a reason long enough',
    // Within the configured cap on an override's duration.
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  },
  revokeGateOverride: { reason: 'Attack suite: a reason long enough' },
  requestWaiver: {
    entityRef: TARGET_ENTITY.ref,
    versionRange: '4.2.0',
    environment: 'production',
    checkId: 'line-coverage',
    reason: 'Attack suite: a reason long enough',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  },
  revokeWaiver: { reason: 'Attack suite: a reason long enough' },
  flaggerConfirmPromotion: {
    name: 'inventory',
    namespace: 'erp',
    phase: 'Promoting',
    metadata: {
      entityRef: TARGET_ENTITY.ref,
      version: '4.2.0',
      environment: 'production',
      token: 'attack-suite-not-a-token',
    },
  },
  createRollout: {
    entityRef: TARGET_ENTITY.ref,
    version: '4.2.0',
    environment: 'production',
  },
  actOnRollout: {},
  reportTenantStatus: {
    statuses: [
      {
        tenant: 'resource:default/meridian-internal-canary-na',
        status: 'healthy',
      },
    ],
  },
  planReleaseTrain: {
    changes: [{ entityRef: TARGET_ENTITY.name, version: '4.3.0' }],
  },
};

function validBody(
  operation: Operation,
): Pick<GeneratedRequest, 'contentType' | 'body'> {
  if (!operation.body) return {};
  if (!(operation.operationId in VALID_BODIES)) {
    throw new Error(
      `${operation.operationId} takes a body: add one it accepts to VALID_BODIES`,
    );
  }
  return {
    contentType: 'application/json',
    body: JSON.stringify(VALID_BODIES[operation.operationId]),
  };
}

/** Real values for slots the specs give no example for, so that generated requests reach rows. */
const KNOWN_VALUES: KnownValues = {
  entityRef: [TARGET_ENTITY.ref, TARGET_ENTITY.name],
  tenant: ['resource:default/meridian-internal-canary-na'],
  version: ['4.2.0'],
  environment: ['production'],
};

/** The demo entity the delivery-event flood reports for; no other attack names it. */
const FLOOD_ENTITY = 'component:default/purchase';

/** The guest's token with its subject changed to a platform admin's; its signature no longer holds. */
function forged(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const escalated = { ...claims, sub: 'user:default/priya-raman' };
  return [
    header,
    Buffer.from(JSON.stringify(escalated)).toString('base64url'),
    signature,
  ].join('.');
}

/** Whether any string in `value` is `text`, compared case-insensitively. */
function mentions(value: unknown, text: string): boolean {
  if (typeof value === 'string') {
    return value.toLowerCase() === text;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(v => mentions(v, text));
  }
  return false;
}

/**
 * Whether a release-train plan answered for one odd line planned anything of it: the line is
 * not its one rejected line, or the plan (its rejected lines aside) names the target entity.
 */
function plannedAnyOf(plan: unknown): boolean {
  const { rejected, ...rest } = (plan ?? {}) as { rejected?: unknown };
  return (
    !Array.isArray(rejected) ||
    rejected.length !== 1 ||
    mentions(rest, TARGET_ENTITY.ref)
  );
}

/**
 * Runs `check` on every case and gathers what failed, its thrown error's first line or its
 * complaint, so that one failing case does not hide the others.
 */
async function failuresOf<T>(
  cases: readonly T[],
  check: (c: T) => Promise<string | undefined>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const c of cases) {
    try {
      const complaint = await check(c);
      if (complaint) failures.push(complaint);
    } catch (error) {
      failures.push(String((error as Error).message).split('\n')[0]);
    }
  }
  return failures;
}

function changedTables(before: RowCounts, after: RowCounts): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter(table => before[table] !== after[table])
    .map(table => `${table} ${before[table] ?? 0} → ${after[table] ?? 0}`);
}

/** What each attack sent to each operation and what came back. */
class AttackLog {
  private readonly rows = new Map<
    string,
    {
      requests: number;
      statuses: Map<number, number>;
      rowsCompared: number;
      rowsChanged: number;
    }
  >();

  /** One answer; `rows` says whether a refused request's tables were compared, and how it went. */
  record(
    attack: string,
    operation: Operation,
    status: number,
    rows: 'not compared' | 'unchanged' | 'changed',
  ) {
    const key = `${attack}\t${operation.pluginId} ${operation.operationId}`;
    const row = this.rows.get(key) ?? {
      requests: 0,
      statuses: new Map(),
      rowsCompared: 0,
      rowsChanged: 0,
    };
    row.requests++;
    row.statuses.set(status, (row.statuses.get(status) ?? 0) + 1);
    if (rows !== 'not compared') row.rowsCompared++;
    if (rows === 'changed') row.rowsChanged++;
    this.rows.set(key, row);
  }

  toString(): string {
    const table = [
      [
        'attack',
        'operation',
        'sent',
        '4xx compared',
        'rows changed',
        'statuses',
      ],
      ...[...this.rows].map(([key, row]) => [
        ...key.split('\t'),
        String(row.requests),
        String(row.rowsCompared),
        String(row.rowsChanged),
        [...row.statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' '),
      ]),
    ];
    const widths = table[0].map((_, i) =>
      Math.max(...table.map(cells => cells[i].length)),
    );
    const rows = [...this.rows.values()];
    const sum = (f: (r: (typeof rows)[number]) => number) =>
      rows.reduce((n, r) => n + f(r), 0);
    return [
      ...table.map(cells =>
        cells.map((cell, i) => cell.padEnd(widths[i])).join('  '),
      ),
      `${sum(r => r.requests)} requests; ${sum(
        r => r.rowsCompared,
      )} refused with the plugin's tables compared, ${sum(
        r => r.rowsChanged,
      )} of them changed rows`,
    ].join('\n');
  }
}

describe('HTTP attacks on the real Waybill backend', () => {
  let estate: PipelineEstate;
  let tables: PluginTables;
  const log = new AttackLog();

  /**
   * Sends `request` to `operation` as the caller its route lets in (or with `token`), and
   * checks what holds for every request: 2xx or 4xx, never another status; an error answer in
   * Backstage's JSON shape (on a raw path, a 404 with no body when no route matched); no
   * "Missing permission" for the route's own caller; nothing of /etc/passwd; and, for a 4xx,
   * every table of the plugin as it was before (unless requests run concurrently).
   */
  async function attack(
    name: string,
    operation: Operation,
    request: GeneratedRequest,
    options: { token?: string; rawPath?: boolean; concurrent?: boolean } = {},
  ): Promise<RawResponse> {
    const { caller } = accessOf(operation);
    const asCaller = !('token' in options);
    const callerToken =
      caller === 'user' ? estate.userToken : estate.waybill.token;
    const token = asCaller ? callerToken : options.token;
    const compare = !options.concurrent;
    const before = compare ? await tables.counts(operation.pluginId) : {};
    const response = await send(estate.waybill.url, { ...request, token });
    const { status } = response;
    const refused = status >= 400 && status < 500;
    const compared = compare && refused;
    const changed = compared
      ? changedTables(before, await tables.counts(operation.pluginId))
      : [];
    let rows: 'not compared' | 'unchanged' | 'changed' = 'not compared';
    if (compared) rows = changed.length > 0 ? 'changed' : 'unchanged';
    log.record(name, operation, status, rows);

    const problems: string[] = [];
    if (!(status >= 200 && status < 300) && !refused) {
      problems.push(`status ${status} is neither 2xx nor 4xx`);
    }
    const unmatchedRoute =
      options.rawPath && status === 404 && response.text === '';
    if (status >= 400 && !unmatchedRoute) {
      problems.push(...backstageErrorProblems(response));
    }
    const message = (response.json as { error?: { message?: unknown } })?.error
      ?.message;
    if (
      asCaller &&
      status === 403 &&
      /^Missing permission/.test(String(message))
    ) {
      problems.push(`the ${caller} caller was refused: ${message}`);
    }
    if (response.text.includes(PASSWD_MARKER)) {
      problems.push('the answer holds /etc/passwd');
    }
    if (changed.length > 0) {
      problems.push(`a refused request changed rows: ${changed.join(', ')}`);
    }
    if (problems.length > 0) {
      const body =
        request.body === undefined
          ? 'no body'
          : `${request.contentType} ${Buffer.byteLength(
              request.body,
            )} bytes: ${String(request.body).slice(0, 300)}`;
      throw new Error(
        `${request.method} ${request.target.slice(0, 500)} (${body}) as ${
          asCaller ? caller : 'another caller'
        } answered ${status}: ${problems.join('; ')}\n${response.text.slice(
          0,
          1000,
        )}`,
      );
    }
    return response;
  }

  beforeAll(async () => {
    estate = await startEstate();
    tables = new PluginTables(estate.waybill.databaseDirectory);
    // The target entity gets a release (the specs' example, 4.2.0), a production deployment
    // and a rollout, so that generated requests reach real rows and traversals have
    // something to leak.
    const { url, token } = estate.waybill;
    await waitForEntities(url, token, [
      TARGET_ENTITY.ref,
      FLOOD_ENTITY,
      'resource:default/meridian-internal-canary-na',
    ]);
    const seeded = [
      await waybillApi(
        url,
        token,
        'POST',
        `/api/scorecards/entities/component/default/${TARGET_ENTITY.name}/releases/4.2.0/evidence/readiness`,
        READINESS,
      ),
      await waybillApi(
        url,
        token,
        'POST',
        '/api/scorecards/events',
        VALID_BODIES.recordDeliveryEvents,
      ),
      await waybillApi(
        url,
        estate.userToken,
        'POST',
        '/api/tenant-rollouts/rollouts',
        VALID_BODIES.createRollout,
      ),
    ];
    const unseeded = seeded.filter(s => s.status !== 201);
    if (unseeded.length > 0) {
      throw new Error(
        `Seeding the target entity failed: ${JSON.stringify(unseeded)}`,
      );
    }
  }, 300_000);

  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(`HTTP attacks\n${log}`);
    await tables?.close();
    await stopEstate(estate);
  });

  describe('every operation of the OpenAPI specs', () => {
    it.each(WAYBILL_OPERATIONS)(
      '$pluginId $operationId: 401 without a token or with a forged one; 403 naming the permission for the guest where its roles do not reach',
      async operation => {
        const request = {
          method: operation.method,
          target: exampleTarget(operation),
        };
        const unauthenticated = [];
        for (const token of [
          undefined,
          'not-a-token',
          forged(estate.userToken),
        ]) {
          unauthenticated.push(
            (await attack('auth', operation, request, { token })).status,
          );
        }
        const guest = await attack('auth', operation, request, {
          token: estate.userToken,
        });
        const refusedPermission =
          guest.status === 403
            ? /^Missing permission (\S+)/.exec(
                String(
                  (guest.json as { error: { message: string } }).error.message,
                ),
              )?.[1]
            : undefined;
        const { caller, permission } = accessOf(operation);
        expect({ unauthenticated, refusedPermission }).toEqual({
          unauthenticated: [401, 401, 401],
          refusedPermission: caller === 'service' ? permission : undefined,
        });
      },
    );

    it.each(WAYBILL_OPERATIONS)(
      '$pluginId $operationId: generated requests get 2xx or 4xx, errors in Backstage shape, and no row from a refused one',
      async operation => {
        await expect(
          fc.assert(
            fc.asyncProperty(
              requestArbitrary(operation, KNOWN_VALUES),
              async request => {
                await attack('generated', operation, request);
              },
            ),
            { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
          ),
        ).resolves.toBeUndefined();
      },
    );
  });

  describe('path traversal and odd entity refs', () => {
    const ENTITY_ROUTES = WAYBILL_OPERATIONS.filter(o =>
      o.parameters.some(p => p.in === 'path' && p.name === 'name'),
    );

    it.each(ENTITY_ROUTES)(
      `$pluginId $operationId: names, namespaces and kinds that point past ${TARGET_ENTITY.ref} are refused or answered about themselves, never 5xx`,
      async operation => {
        const cases: Array<Record<string, string>> = [
          ...[...ODD_PATH_SEGMENTS, ...RAW_TRAVERSALS].map(name => ({ name })),
          ...ODD_PATH_SEGMENTS.slice(0, 8).flatMap(segment =>
            ['kind', 'namespace'].map(parameter => ({ [parameter]: segment })),
          ),
        ];
        const failures = await failuresOf(cases, async overrides => {
          const response = await attack(
            'traversal',
            operation,
            {
              method: operation.method,
              target: exampleTarget(operation, overrides),
              ...validBody(operation),
            },
            { rawPath: true },
          );
          const reached =
            response.status < 300 &&
            (operation.method !== 'GET' ||
              mentions(response.json, TARGET_ENTITY.ref));
          return reached
            ? `${JSON.stringify(overrides).slice(0, 100)}: ${
                response.status
              } ${response.text.slice(0, 300)}`
            : undefined;
        });
        expect(failures).toEqual([]);
      },
    );

    /**
     * Routes that take entity refs in the query or the body; `reads` may answer 200 about
     * nothing; `plans` answers 200 with the lines it could not plan, and must reject the odd one.
     */
    const REF_CARRIERS: Array<{
      operationId: string;
      reads?: boolean;
      plans?: boolean;
      request: (ref: string) => { query?: string; body?: unknown };
    }> = [
      {
        operationId: 'listRollouts',
        reads: true,
        request: ref => ({ query: `entityRef=${percentEncode(ref)}` }),
      },
      {
        operationId: 'getDora',
        reads: true,
        request: ref => ({
          query: `entityRef=${percentEncode(
            ref,
          )}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
        }),
      },
      {
        operationId: 'getDeployOrder',
        request: ref => ({ query: `entityRef=${percentEncode(ref)}` }),
      },
      {
        operationId: 'createRollout',
        request: ref => ({
          body: { ...(VALID_BODIES.createRollout as object), entityRef: ref },
        }),
      },
      {
        operationId: 'recordDeliveryEvents',
        request: ref => ({
          body: {
            ...(VALID_BODIES.recordDeliveryEvents as object),
            entityRef: ref,
            id: `odd-${ref.length}`,
          },
        }),
      },
      {
        operationId: 'planReleaseTrain',
        plans: true,
        request: ref => ({
          body: { changes: [{ entityRef: ref, version: '4.3.0' }] },
        }),
      },
    ];

    it.each(REF_CARRIERS)(
      `$operationId: odd entity refs are refused, or answered without anything of ${TARGET_ENTITY.ref}`,
      async ({ operationId, reads, plans, request }) => {
        const operation = operationById(operationId);
        const path = exampleTarget(operation).split('?')[0];
        const failures = await failuresOf(ODD_ENTITY_REFS, async ref => {
          const { query, body } = request(ref);
          const response = await attack('odd refs', operation, {
            method: operation.method,
            target: query ? `${path}?${query}` : path,
            ...(body === undefined
              ? {}
              : {
                  contentType: 'application/json',
                  body: JSON.stringify(body),
                }),
          });
          const reached =
            response.status < 300 &&
            (plans
              ? plannedAnyOf(response.json)
              : !reads || mentions(response.json, TARGET_ENTITY.ref));
          return reached
            ? `${JSON.stringify(ref).slice(0, 80)}: ${
                response.status
              } ${response.text.slice(0, 300)}`
            : undefined;
        });
        expect(failures).toEqual([]);
      },
    );
  });

  describe('oversized bodies', () => {
    const BODY_ROUTES = WAYBILL_OPERATIONS.filter(o => o.body);
    /** Nothing larger is legitimate anywhere in Waybill. */
    const LARGEST_LIMIT = Math.max(...Object.values(DOCUMENTED_BODY_LIMITS));

    it.each(BODY_ROUTES)(
      '$pluginId $operationId: 413 with a JSON error one byte over its documented limit, plain or gzip-compressed, and not at the limit',
      async operation => {
        const limit = DOCUMENTED_BODY_LIMITS[operation.operationId];
        const { contentType, body: valid = '' } = validBody(operation);
        const padded = (size: number) =>
          `${valid}${' '.repeat(size - Buffer.byteLength(valid))}`;
        const request = {
          method: operation.method,
          target: exampleTarget(operation),
          contentType,
        };
        const over = padded((limit ?? LARGEST_LIMIT) + 1);
        const plain = await attack('oversized', operation, {
          ...request,
          body: over,
        });
        const gzip = await attack('oversized', operation, {
          ...request,
          contentEncoding: 'gzip',
          body: gzipSync(over),
        });
        const atLimit =
          limit === undefined
            ? undefined
            : await attack('oversized', operation, {
                ...request,
                body: padded(limit),
              });
        expect({
          plain: plain.status,
          gzip: gzip.status,
          atLimitRefusedAsTooLarge: atLimit?.status === 413,
          specDocuments413: operation.statuses.includes('413'),
        }).toEqual({
          plain: 413,
          gzip: 413,
          atLimitRefusedAsTooLarge: false,
          specDocuments413: true,
        });
      },
    );
  });

  it('neutralises spreadsheet formulas in every cell of the portfolio CSV, leading white space, tab and CR included', async () => {
    const { url, token } = estate.waybill;
    // Owners and systems are entity refs: formulas without `:` or `/` as their kind. Business
    // processes are a comma-separated list: formulas without commas.
    const refKinds = FORMULAS.filter(f => !/[:/]/.test(f));
    const processes = FORMULAS.filter(f => !f.includes(','));
    const entities = FORMULAS.map((formula, i) => ({
      name: `attack-csv-${i}`,
      title: formula,
      owner: `${refKinds[i % refKinds.length]}:default/attack-owner`,
      system: `${refKinds[(i + 1) % refKinds.length]}:default/attack-system`,
      businessProcess: processes[(i + 2) % processes.length],
      version: FORMULAS[(i + 3) % FORMULAS.length],
    }));
    const location = estate.host.serveCatalogFile(
      'attack-csv.yaml',
      entities
        .map(e =>
          stringify({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: e.name,
              title: e.title,
              annotations: {
                'waybill.dev/business-processes': e.businessProcess,
              },
            },
            spec: {
              type: 'service',
              lifecycle: 'production',
              owner: e.owner,
              system: e.system,
            },
          }),
        )
        .join('---\n'),
    );
    await registerLocation(url, token, location);
    await waitForEntities(
      url,
      token,
      entities.map(e => `component:default/${e.name}`),
    );
    const uploads = [];
    for (const e of entities) {
      uploads.push(
        (
          await waybillApi(
            url,
            token,
            'POST',
            `/api/scorecards/entities/component/default/${
              e.name
            }/releases/${percentEncode(e.version)}/evidence/readiness`,
            READINESS,
          )
        ).status,
      );
    }
    expect(uploads).toEqual(entities.map(() => 201));

    const response = await attack('csv', operationById('getPortfolioCsv'), {
      method: 'GET',
      target: '/api/scorecards/portfolio.csv',
    });
    const [header, ...rows] = parseCsv(response.text);
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    // Every cell with a payload is there, with the payload's text.
    const carried = entities.flatMap(e => {
      const row = rows.find(
        r => column(r, 'entity') === `component:default/${e.name}`,
      );
      if (!row) return [`${e.name}: no row`];
      return (
        [
          ['title', e.title],
          ['owner', e.owner.toLowerCase()],
          ['system', e.system.toLowerCase()],
          ['business_processes', e.businessProcess.trim().toLowerCase()],
          ['version', e.version],
        ] as const
      )
        .filter(([name, text]) => !column(row, name).includes(text.trim()))
        .map(
          ([name]) => `${e.name}: ${name} ${JSON.stringify(column(row, name))}`,
        );
    });
    expect(carried).toEqual([]);
    const formulas = rows.flatMap(row =>
      row
        .map((cell, i) => ({ cell, column: header[i] }))
        .filter(({ cell }) => runsAsFormula(cell))
        .map(
          ({ cell, column: name }) =>
            `${column(row, 'entity')} ${name}: ${JSON.stringify(cell)}`,
        ),
    );
    expect(rows.every(row => row.length === header.length)).toBe(true);
    expect(formulas).toEqual([]);
  });

  it('stores and counts each delivery event id once, under a flood of repeats in one request and in concurrent ones', async () => {
    const operation = operationById('recordDeliveryEvents');
    const entityRef = FLOOD_ENTITY;
    const source = 'attack-flood';
    /** 100 deployments, 60 merged changes they ship, 30 incidents without ids, and CDEvents repeating 30 deployment ids. */
    const flood = (set: string, offsetMinutes: number) => {
      const at = (day: number, minutes: number) =>
        new Date(
          Date.UTC(2026, 0, day) + (minutes + offsetMinutes) * 60_000,
        ).toISOString();
      const deployments = Array.from({ length: 100 }, (_, k) => ({
        type: 'deployment',
        entityRef,
        occurredAt: at(2, k * 60),
        environment: 'production',
        version: `${set}.${k}.0`,
        commit: `${set}-${k}`,
        source,
        id: `${set}-deploy-${k}`,
      }));
      const changes = Array.from({ length: 60 }, (_, k) => ({
        type: 'change-merged',
        entityRef,
        occurredAt: at(1, k),
        version: `${set}.${k}.0`,
        commit: `${set}-${k}`,
        source,
        id: `${set}-change-${k}`,
      }));
      const incidents = Array.from({ length: 30 }, (_, k) => ({
        type: 'incident-detected',
        entityRef,
        occurredAt: at(20, k),
        environment: 'production',
        incidentId: `${set}-incident-${k}`,
        source,
      }));
      const cdEvents = deployments.slice(0, 30).map(d => ({
        context: {
          id: d.id,
          source,
          type: 'dev.cdevents.service.deployed.0.2.0',
          timestamp: d.occurredAt,
        },
        subject: {
          id: 'purchase',
          content: {
            artifactId: `pkg:oci/purchase@${d.version}`,
            environment: { id: 'production' },
          },
        },
        customData: { entityRef },
      }));
      return [...deployments, ...changes, ...incidents, ...cdEvents];
    };
    const distinctPerSet = 100 + 60 + 30;
    const repeat = (events: unknown[], times: number, shift: number) =>
      Array.from({ length: times }, (_, t) => {
        const cut = ((t + shift) * 37) % events.length;
        return [...events.slice(cut), ...events.slice(0, cut)];
      }).flat();
    const post = (events: unknown[], concurrent: boolean) =>
      attack(
        'flood',
        operation,
        {
          method: 'POST',
          target: '/api/scorecards/events',
          contentType: 'application/json',
          body: JSON.stringify({ events }),
        },
        { concurrent },
      );
    const stored = (responses: RawResponse[]) =>
      responses.reduce((n, r) => n + (r.json as { stored: number }).stored, 0);

    const one = flood('one', 0);
    const many = flood('many', 7);
    // One request: every event ten times over.
    const single = await post(repeat(one, 10, 0), false);
    // Six requests at once, each with every event twice, in different orders.
    const concurrent = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post(repeat(many, 2, i), true)),
    );
    // Everything again, four requests at once.
    const again = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        post(repeat([...one, ...many], 1, i), true),
      ),
    );
    expect({
      statuses: [single, ...concurrent, ...again].map(r => r.status),
      storedByOne: stored([single]),
      storedByConcurrent: stored(concurrent),
      storedAgain: stored(again),
    }).toEqual({
      statuses: Array(11).fill(201),
      storedByOne: distinctPerSet,
      storedByConcurrent: distinctPerSet,
      storedAgain: 0,
    });

    const db = tables.query('scorecards');
    const repeated = await db('scorecards_delivery_events')
      .where({ source })
      .groupBy('source', 'event_id')
      .havingRaw('count(*) > 1')
      .select('event_id');
    const [{ n: rows }] = await db('scorecards_delivery_events')
      .where({ source })
      .count({ n: '*' });
    expect({ repeated, rows: Number(rows) }).toEqual({
      repeated: [],
      rows: 2 * distinctPerSet,
    });

    const dora = await attack('flood', operationById('getDora'), {
      method: 'GET',
      target: `/api/scorecards/dora?entityRef=${entityRef}&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`,
    });
    const { current } = dora.json as {
      current: {
        deploymentFrequency: { deployments: number };
        leadTimeForChanges: { changes: number };
        failedDeploymentRecoveryTime: {
          recoveries: number;
          unrecovered: number;
        };
      };
    };
    expect({
      deployments: current.deploymentFrequency.deployments,
      changes: current.leadTimeForChanges.changes,
      incidents:
        current.failedDeploymentRecoveryTime.recoveries +
        current.failedDeploymentRecoveryTime.unrecovered,
    }).toEqual({ deployments: 200, changes: 120, incidents: 60 });
  });
});
