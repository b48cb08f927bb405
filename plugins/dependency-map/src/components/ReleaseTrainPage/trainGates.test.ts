import { ResponseError } from '@backstage/errors';
import type { ReleaseTrainPlan } from '@waybill/plugin-dependency-map-common';
import type { GateAnswer } from '@waybill/plugin-scorecards-common';
import {
  GateReading,
  mapWithConcurrency,
  readGate,
  readGateError,
  startBlockers,
} from './trainGates';

const answer = (patch: Partial<GateAnswer>): GateAnswer => ({
  entityRef: 'component:default/inventory',
  version: '7.1.0',
  environment: 'production',
  decision: 'pass',
  policyDecision: 'pass',
  reasons: [],
  override: null,
  waivers: [],
  score: 92,
  grade: 'A',
  ...patch,
});

describe('readGate', () => {
  it('reads a release without evidence as no evidence, not as failing', () => {
    expect(
      readGate(
        answer({
          decision: 'fail',
          policyDecision: 'fail',
          score: null,
          grade: null,
        }),
      ).status,
    ).toBe('no-evidence');
    expect(
      readGate(answer({ decision: 'fail', score: 40, grade: 'F' })).status,
    ).toBe('fail');
    expect(readGate(answer({ decision: 'warn' })).status).toBe('warn');
  });

  it('reads a release the scorecards do not know as no evidence, and other errors as unavailable', async () => {
    const response = (status: number, message: string) =>
      ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'Error', message },
            request: { method: 'GET', url: '/' },
            response: { statusCode: status },
          }),
          {
            status,
            headers: { 'content-type': 'application/json' },
          },
        ),
      );
    expect(readGateError(await response(404, 'No entity')).status).toBe(
      'no-evidence',
    );
    expect(readGateError(await response(400, 'Unknown environment'))).toEqual({
      status: 'unavailable',
      message: 'Unknown environment',
    });
    expect(readGateError(new TypeError('Failed to fetch'))).toEqual({
      status: 'unavailable',
      message: 'Failed to fetch',
    });
  });
});

describe('mapWithConcurrency', () => {
  it('runs at most `limit` tasks at once and answers in the items’ order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency(
      [30, 5, 20, 1, 10, 15, 2],
      3,
      async (ms, i) => {
        running++;
        most = Math.max(most, running);
        await new Promise(resolve => setTimeout(resolve, ms));
        running--;
        return `${i}:${ms}`;
      },
    );
    expect(results).toEqual([
      '0:30',
      '1:5',
      '2:20',
      '3:1',
      '4:10',
      '5:15',
      '6:2',
    ]);
    expect(most).toBe(3);
    expect(await mapWithConcurrency([], 3, async x => x)).toEqual([]);
  });
});

describe('startBlockers', () => {
  const change = (name: string, kind = 'component') => ({
    entityRef: `${kind}:default/${name}`,
    kind,
    title: name,
    version: '1.0.0',
    stage: 0,
    ...(kind === 'api' ? {} : { tenants: 3 }),
  });
  const plan: ReleaseTrainPlan = {
    changes: [change('inventory'), change('sales'), change('sales-api', 'api')],
    sequence: [],
    stages: [],
    blockers: [],
    incompatibilities: [],
    prematureConsumers: [],
    rejected: [],
    safe: true,
  };
  const pass: GateReading = { status: 'pass', answer: answer({}) };
  const ctx = {
    plan,
    titleOf: (ref: string) => ref,
    environment: 'production',
    targets: plan.changes.slice(0, 2),
  };

  it('has none when every release passes (the API has no gate of its own)', () => {
    const gates = new Map([
      ['component:default/inventory', pass],
      ['component:default/sales', { ...pass, status: 'warn' as const }],
    ]);
    expect(startBlockers({ ...ctx, gates })).toEqual([]);
  });

  it('names every reason: bad changes, cycles, unmet requirements, gates, nothing to roll out', () => {
    const gates = new Map<string, GateReading>([
      ['component:default/inventory', { status: 'no-evidence' }],
      ['component:default/sales', { status: 'fail', answer: answer({}) }],
    ]);
    expect(
      startBlockers({
        ...ctx,
        plan: {
          ...plan,
          rejected: [
            {
              index: 3,
              entityRef: 'x',
              version: '1',
              reason: 'unknown-entity',
              message: 'No entity',
            },
          ],
          blockers: [
            {
              cycle: {
                members: ['component:default/a', 'component:default/b'],
              },
              entityRefs: ['component:default/a', 'component:default/b'],
              stage: 0,
              message: 'cycle',
            } as ReleaseTrainPlan['blockers'][number],
          ],
          incompatibilities: [
            {} as ReleaseTrainPlan['incompatibilities'][number],
          ],
        },
        gates,
        targets: [],
      }),
    ).toEqual([
      '1 change was not planned: fix or remove it and plan again.',
      'A dependency cycle blocks a strict order: component:default/a ⇄ component:default/b.',
      '1 API requirement is left unmet (see Incompatibilities).',
      'inventory 1.0.0 has no evidence, so its production gate cannot pass.',
      'sales 1.0.0: the production gate fails.',
      'No change of the train serves tenants: there is nothing to roll out.',
    ]);
  });

  it('waits for the gates, and says when they cannot be checked', () => {
    expect(startBlockers(ctx)).toEqual([
      'The production gates are being read.',
    ]);
    expect(
      startBlockers({ ...ctx, gatesUnavailable: 'no scorecards.' }),
    ).toEqual(['The gates cannot be checked: no scorecards.']);
  });
});
