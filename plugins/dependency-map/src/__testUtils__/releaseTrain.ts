import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';

/** Pastes `lines` (`<entity ref> <version>` each) into the release-train planner and adds them. */
export async function pasteChanges(lines: string[]) {
  fireEvent.change(screen.getByLabelText('Paste a list'), {
    target: { value: lines.join('\n') },
  });
  await userEvent.click(
    screen.getByRole('button', { name: 'Add pasted changes' }),
  );
}

/** The scorecards backend's address in tests (`mockApis.discovery()`'s default). */
export const SCORECARDS_URL = 'http://example.com/api/scorecards';

/** The tenant-rollouts backend's address in tests. */
export const TENANT_ROLLOUTS_URL = 'http://example.com/api/tenant-rollouts';

/** A release's gate in the test scorecards: a decision, or no evidence. */
export type TestGate = 'pass' | 'warn' | 'fail' | 'no-evidence';

const errorBody = (status: number, name: string, message: string) =>
  HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );

/**
 * msw handlers answering like the scorecards backend's gate and portfolio-summary routes:
 * `gates` by `entityRef@version` (a release not listed has no evidence, as the backend answers
 * it), per environment of `environments`. Every gate read is logged with its environment, and
 * the most reads in flight at once is kept in `concurrency.max`.
 */
export function scorecardsHandlers(options: {
  gates: Record<string, TestGate | Record<string, TestGate>>;
  environments?: string[];
  log?: string[];
  concurrency?: { now: number; max: number };
}) {
  const environments = options.environments ?? ['staging', 'production'];
  const concurrency = options.concurrency ?? { now: 0, max: 0 };
  return [
    http.get(`${SCORECARDS_URL}/portfolio/summary`, () =>
      HttpResponse.json({
        totalCount: 0,
        grades: { A: 0, B: 0, C: 0, D: 0, F: 0 },
        gates: Object.fromEntries(
          environments.map(e => [e, { pass: 0, warn: 0, fail: 0 }]),
        ),
      }),
    ),
    http.get(
      `${SCORECARDS_URL}/entities/:kind/:namespace/:name/releases/:version/gates/:environment`,
      async ({ params }) => {
        const entityRef = `${params.kind}:${params.namespace}/${params.name}`;
        const environment = String(params.environment);
        options.log?.push(`${entityRef}@${params.version} ${environment}`);
        concurrency.now++;
        concurrency.max = Math.max(concurrency.max, concurrency.now);
        await new Promise(resolve => setTimeout(resolve, 5));
        concurrency.now--;
        if (!environments.includes(environment)) {
          return errorBody(400, 'InputError', `Unknown environment`);
        }
        const entry = options.gates[`${entityRef}@${params.version}`];
        const gate =
          (typeof entry === 'string' ? entry : entry?.[environment]) ??
          'no-evidence';
        const evidence = gate !== 'no-evidence';
        const failing = gate === 'fail';
        const score = failing ? 40 : 90;
        const grade = failing ? 'F' : 'A';
        const reasons = failing
          ? [
              {
                check: 'tests',
                status: 'fail',
                enforcement: 'fail',
                message: 'Tests fail',
              },
            ]
          : [];
        return HttpResponse.json({
          entityRef,
          version: params.version,
          environment,
          decision: evidence ? gate : 'fail',
          policyDecision: evidence ? gate : 'fail',
          reasons,
          override: null,
          score: evidence ? score : null,
          grade: evidence ? grade : null,
        });
      },
    ),
  ];
}

/**
 * msw handlers answering like the tenant-rollouts backend's create route: each request is kept
 * in `created`, numbered from 101; a request for an entity in `failFor` is refused with a 400.
 */
export function tenantRolloutsHandlers(options: {
  created: Array<{ entityRef: string; version: string; environment: string }>;
  failFor?: string[];
}) {
  return [
    http.post(`${TENANT_ROLLOUTS_URL}/rollouts`, async ({ request }) => {
      const body = (await request.json()) as {
        entityRef: string;
        version: string;
        environment: string;
      };
      if (options.failFor?.includes(body.entityRef)) {
        return errorBody(
          400,
          'InputError',
          `No tenant in the catalog depends on ${body.entityRef}`,
        );
      }
      options.created.push(body);
      return HttpResponse.json(
        { id: 100 + options.created.length, ...body, state: 'planned' },
        { status: 201 },
      );
    }),
  ];
}
