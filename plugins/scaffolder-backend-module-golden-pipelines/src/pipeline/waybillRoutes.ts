/**
 * The contract between the golden pipeline and Waybill: every route the pipeline script calls,
 * named as the plugins' OpenAPI specs name it, with the query parameters it sends and the JSON
 * bodies it builds (as the jq programs the script runs). The script is rendered from these, and
 * a test holds each of them against the specs, so a route or schema that changes under the
 * pipeline fails a test rather than a pipeline.
 */

/** A Waybill route the pipeline calls. */
export interface WaybillRoute {
  /** The plugin, mounted at `/api/<plugin>`. */
  plugin: 'scorecards' | 'tenant-rollouts';
  method: 'get' | 'post';
  /** The path as the plugin's OpenAPI spec writes it, with `{parameters}`. */
  path: string;
  /** Query parameters the pipeline sends. */
  query?: readonly string[];
}

/** Every route the pipeline script calls. */
export const WAYBILL_ROUTES = {
  uploadEvidence: {
    plugin: 'scorecards',
    method: 'post',
    path: '/entities/{kind}/{namespace}/{name}/releases/{version}/evidence/{evidenceKind}',
    query: ['commit', 'pipelineUrl', 'environment'],
  },
  getGate: {
    plugin: 'scorecards',
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}',
  },
  recordDeliveryEvents: {
    plugin: 'scorecards',
    method: 'post',
    path: '/events',
  },
  listRollouts: {
    plugin: 'tenant-rollouts',
    method: 'get',
    path: '/rollouts',
    query: ['entityRef', 'limit'],
  },
  createRollout: {
    plugin: 'tenant-rollouts',
    method: 'post',
    path: '/rollouts',
  },
  getRolloutWave: {
    plugin: 'tenant-rollouts',
    method: 'get',
    path: '/rollouts/{id}/waves/{index}',
    query: ['cloud'],
  },
  actOnRollout: {
    plugin: 'tenant-rollouts',
    method: 'post',
    path: '/rollouts/{id}/actions/{action}',
  },
  reportTenantStatus: {
    plugin: 'tenant-rollouts',
    method: 'post',
    path: '/rollouts/{id}/tenants/status',
  },
} as const satisfies Record<string, WaybillRoute>;

/** The name of a route the pipeline calls. */
export type WaybillRouteName = keyof typeof WAYBILL_ROUTES;

/**
 * A route's path for the shell, from `/api/<plugin>`: each `{parameter}` becomes the shell text
 * given for it (a variable or a command substitution, never a CI expression), then the query.
 */
export function routePath(
  name: WaybillRouteName,
  params: Record<string, string>,
  query: Record<string, string> = {},
): string {
  const route: WaybillRoute = WAYBILL_ROUTES[name];
  const path = route.path.replace(/\{([^}]+)\}/g, (_, param: string) => {
    const value = params[param];
    if (value === undefined) {
      throw new Error(`${name}: no value for the path parameter ${param}`);
    }
    return value;
  });
  const unknown = Object.keys(query).filter(k => !route.query?.includes(k));
  if (unknown.length > 0) {
    throw new Error(`${name}: undeclared query parameters ${unknown}`);
  }
  const search = Object.entries(query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `/api/${route.plugin}${path}${search ? `?${search}` : ''}`;
}

/** A JSON body the script builds with jq from named string arguments. */
export interface WaybillBody {
  route: WaybillRouteName;
  /** The `--arg` names the program reads. */
  args: readonly string[];
  /** The jq program that builds the body (or, with `collect`, one item of it). */
  program: string;
  /** A jq program run with `--slurp` over the items, giving the body. */
  collect?: string;
}

/** Every JSON body the pipeline script sends. */
export const WAYBILL_BODIES = {
  createRollout: {
    route: 'createRollout',
    args: ['entityRef', 'version'],
    program:
      '{entityRef: $entityRef, version: $version, environment: "production"}',
  },
  tenantStatuses: {
    route: 'reportTenantStatus',
    args: ['tenant', 'status', 'detail'],
    program: '{tenant: $tenant, status: $status, detail: $detail}',
    collect: '{statuses: .}',
  },
  productionDeployment: {
    route: 'recordDeliveryEvents',
    args: ['entityRef', 'version', 'commit', 'source', 'at'],
    program:
      '{type: "deployment", entityRef: $entityRef, version: $version, environment: "production", commit: $commit, occurredAt: $at, source: $source, id: ($source + "#production")}',
  },
} as const satisfies Record<string, WaybillBody>;

/** The jq command that builds a body (`-c`: one item a line where the items are collected). */
export function jqBody(
  name: keyof typeof WAYBILL_BODIES,
  args: Record<string, string>,
): string {
  const body: WaybillBody = WAYBILL_BODIES[name];
  const missing = body.args.filter(a => args[a] === undefined);
  if (missing.length > 0) {
    throw new Error(`${name}: no value for ${missing}`);
  }
  const flags = body.args.map(a => `--arg ${a} ${args[a]}`).join(' ');
  return `jq -n${body.collect ? 'c' : ''} ${flags} '${body.program}'`;
}

/** The content type of each evidence file the pipeline uploads, by kind. */
export const EVIDENCE_CONTENT_TYPES = {
  tests: 'application/xml',
  coverage: 'text/plain',
  security: 'application/sarif+json',
  dependencies: 'application/vnd.cyclonedx+json',
  readiness: 'application/json',
  provenance: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  signature: 'application/vnd.dev.sigstore.bundle.v0.3+json',
} as const;
