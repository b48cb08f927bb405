import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadOpenApiSpec, OpenApiSpec } from '@waybill/test-utils';
import { parsePipelineModel } from './model';
import { GITHUB_WAYBILL_TOKEN } from '../render/githubActions';
import { renderPipelineScript } from './scripts';
import {
  EVIDENCE_CONTENT_TYPES,
  WAYBILL_BODIES,
  WAYBILL_ROUTES,
  WaybillBody,
  WaybillRoute,
} from './waybillRoutes';

/*
 * The golden pipeline against the specs of the plugins it calls: every route exists with the
 * parameters the pipeline sends, every JSON body the script builds (with the real jq) is one
 * the route accepts, and every route is called by the rendered script. A route or schema that
 * changes under the pipeline fails here. (The golden-path test runs the same script against a
 * running Waybill.)
 */

const PLUGINS = path.resolve(__dirname, '../../..');
const specs: Record<WaybillRoute['plugin'], OpenApiSpec> = {
  scorecards: loadOpenApiSpec(
    path.join(PLUGINS, 'scorecards-backend/src/schema/openapi.yaml'),
  ),
  'tenant-rollouts': loadOpenApiSpec(
    path.join(PLUGINS, 'tenant-rollouts-backend/src/schema/openapi.yaml'),
    { id: 'https://waybill.dev/tenant-rollouts/openapi.json' },
  ),
};

/** What the pipeline puts in each path and query parameter, as a run would. */
const SAMPLE: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'pricing-quotes-api',
  version: '0.1.0+3f2a9c1d7e5b',
  evidenceKind: 'tests',
  environment: 'production',
  commit: '3f2a9c1d7e5b4a6f8c0d2e4f6a8b0c1d3e5f7a9b',
  pipelineUrl: 'https://github.com/meridian/pricing-quotes-api/actions/runs/42',
  entityRef: 'component:default/pricing-quotes-api',
  limit: '50',
  id: '7',
  index: '2',
  action: 'advance',
  cloud: 'gcp',
};

/** A path segment in the script: shell text, where `$(uri "$VERSION")` may hold a space. */
const SHELL_SEGMENT = '(?:\\$\\([^)]*\\)|[^/?" ])+';

const operationOf = (route: WaybillRoute) =>
  specs[route.plugin].operation(route.method, route.path);

/** A parameter as the router reads it: the routers coerce numbers where the spec says integer. */
const routed = (value: string): any =>
  /^\d+$/.test(value) ? Number(value) : value;

function paramsOf(route: WaybillRoute, overrides: Record<string, string> = {}) {
  const params: Record<string, any> = {};
  for (const [, p] of route.path.matchAll(/\{([^}]+)\}/g)) {
    params[p] = routed(overrides[p] ?? SAMPLE[p]);
  }
  return params;
}

function runJq(body: WaybillBody, values: Record<string, string>[]) {
  const item = (v: Record<string, string>) =>
    execFileSync(
      'jq',
      [
        `-n${body.collect ? 'c' : ''}`,
        ...body.args.flatMap(a => ['--arg', a, v[a]]),
        body.program,
      ],
      { encoding: 'utf8' },
    );
  const items = values.map(item).join('');
  const json = body.collect
    ? execFileSync('jq', ['-s', body.collect], {
        input: items,
        encoding: 'utf8',
      })
    : items;
  return JSON.parse(json);
}

describe('the golden pipeline against the Waybill specs', () => {
  it.each(Object.entries(WAYBILL_ROUTES))(
    '%s is a route with the parameters the pipeline sends',
    (_name, route: WaybillRoute) => {
      const operation = operationOf(route);
      const query = Object.fromEntries(
        (route.query ?? []).map(q => [q, routed(SAMPLE[q])]),
      );
      expect(() =>
        specs[route.plugin].expectRequestMatchesSpec(
          operation,
          paramsOf(route),
          query,
          undefined,
          undefined,
        ),
      ).not.toThrow();
    },
  );

  it('moves rollouts only with actions the route knows', () => {
    const route = WAYBILL_ROUTES.actOnRollout;
    for (const action of ['start', 'advance', 'complete']) {
      expect(() =>
        specs['tenant-rollouts'].expectRequestMatchesSpec(
          operationOf(route),
          paramsOf(route, { action }),
          {},
          undefined,
          undefined,
        ),
      ).not.toThrow();
    }
  });

  it('uploads every kind of evidence with a content type the route declares', () => {
    const route = WAYBILL_ROUTES.uploadEvidence;
    const content = Object.keys(
      operationOf(route).op.requestBody.content as object,
    );
    for (const [evidenceKind, type] of Object.entries(EVIDENCE_CONTENT_TYPES)) {
      expect({ evidenceKind, type, declared: content.includes(type) }).toEqual({
        evidenceKind,
        type,
        declared: true,
      });
      specs.scorecards.expectRequestMatchesSpec(
        operationOf(route),
        paramsOf(route, { evidenceKind }),
        {},
        undefined,
        undefined,
      );
    }
  });

  const bodies: Record<keyof typeof WAYBILL_BODIES, Record<string, string>[]> =
    {
      createRollout: [{ entityRef: SAMPLE.entityRef, version: SAMPLE.version }],
      tenantStatuses: [
        {
          tenant: 'resource:default/acme-foods',
          status: 'healthy',
          detail: '0.1.0 deployed to pricing-quotes-api-acme-foods on gcp',
        },
        {
          tenant: 'resource:default/kyoto-precision-components',
          status: 'failed',
          detail: 'deployment failed (https://ci.example/run/42)',
        },
      ],
      productionDeployment: [
        {
          entityRef: SAMPLE.entityRef,
          version: SAMPLE.version,
          commit: SAMPLE.commit,
          source: SAMPLE.pipelineUrl,
          at: '2026-12-03T14:05:00Z',
        },
      ],
    };

  it.each(Object.entries(WAYBILL_BODIES))(
    'builds a %s body its route accepts',
    (name, body: WaybillBody) => {
      const route: WaybillRoute = WAYBILL_ROUTES[body.route];
      const json = runJq(body, bodies[name as keyof typeof WAYBILL_BODIES]);
      expect(() =>
        specs[route.plugin].expectRequestMatchesSpec(
          operationOf(route),
          paramsOf(route),
          {},
          json,
          'application/json',
        ),
      ).not.toThrow();
    },
  );

  it('calls every route, and only these, in the rendered script', () => {
    const script = renderPipelineScript(
      parsePipelineModel({
        name: 'pricing-quotes-api',
        serviceKind: 'api-service',
        tier: 'critical',
        clouds: ['aws', 'azure', 'gcp'],
        contractApis: [{ api: 'sales-orders-api', range: '^2.4.0' }],
      }),
      GITHUB_WAYBILL_TOKEN,
    ).content;
    const template = (route: WaybillRoute, end: string) =>
      new RegExp(
        `/api/${route.plugin}${route.path
          .split(/\{[^}]+\}/)
          .map(part => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join(SHELL_SEGMENT)}${end}`,
      );
    for (const [name, route] of Object.entries(WAYBILL_ROUTES)) {
      expect({ name, called: template(route, '["?) ]').test(script) }).toEqual({
        name,
        called: true,
      });
    }
    const calls =
      script.match(
        new RegExp(`/api/[a-z-]+/(?:\\$\\([^)]*\\)|[^"?) ])*`, 'g'),
      ) ?? [];
    expect(calls.length).toBeGreaterThanOrEqual(
      Object.keys(WAYBILL_ROUTES).length,
    );
    for (const call of calls) {
      const known = Object.values(WAYBILL_ROUTES).some(route =>
        new RegExp(`^${template(route, '$').source}`).test(call),
      );
      expect({ call, known }).toEqual({ call, known: true });
    }
  });
});
