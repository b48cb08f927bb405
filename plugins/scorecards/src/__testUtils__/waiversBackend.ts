import { screen, within } from '@testing-library/react';
import { ReleaseRecord, Waiver } from '@waybill/plugin-scorecards-common';
import { http, HttpResponse } from 'msw';
import { SetupServer } from 'msw/node';
import { approvedWaiver, releaseRecord, waiverRecord } from './fixtures';
import { INVENTORY_RELEASES_URL, SCORECARDS_URL } from './server';

/** Who is signed in, in `renderScorecards` by default. */
export const SIGNED_IN = 'user:default/guest';

/**
 * The backend of inventory's one release, 5.2.0 (or `release`), blocked in staging and
 * production by a critical vulnerability, with `waivers`. It keeps what is asked of the
 * waivers (requests, approvals, revocations) and applies it to the release; approvals are
 * refused with `refusal` when given.
 */
export function waiversBackend(
  server: SetupServer,
  options: {
    waivers?: Waiver[];
    release?: ReleaseRecord;
    refusal?: { status: number; message: string };
  } = {},
) {
  const release =
    options.release ??
    releaseRecord({ criticalVulnerabilities: 1, waivers: options.waivers });
  const requests: unknown[] = [];
  const approvals: number[] = [];
  const revocations: unknown[] = [];
  const update = (id: unknown, fields: Partial<Waiver>) => {
    const waiver = release.waivers.find(w => w.id === Number(id))!;
    return HttpResponse.json(Object.assign(waiver, fields));
  };
  server.use(
    http.get(INVENTORY_RELEASES_URL, () =>
      HttpResponse.json({
        items: [
          {
            entityRef: release.entityRef,
            version: release.version,
            createdAt: release.createdAt,
            score: release.evaluation!.score,
            grade: release.evaluation!.grade,
            gates: [],
          },
        ],
      }),
    ),
    http.get(`${INVENTORY_RELEASES_URL}/*`, () => HttpResponse.json(release)),
    http.post(`${SCORECARDS_URL}/waivers`, async ({ request }) => {
      const body = (await request.json()) as Waiver;
      requests.push(body);
      const created = waiverRecord({
        ...body,
        id: 100,
        requestedBy: SIGNED_IN,
      });
      release.waivers.unshift(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.post(`${SCORECARDS_URL}/waivers/:id/approve`, ({ params }) => {
      approvals.push(Number(params.id));
      const { refusal } = options;
      if (refusal) {
        return HttpResponse.json(
          {
            error: { name: 'Error', message: refusal.message },
            response: { statusCode: refusal.status },
          },
          { status: refusal.status },
        );
      }
      return update(params.id, approvedWaiver());
    }),
    http.post(
      `${SCORECARDS_URL}/waivers/:id/revoke`,
      async ({ params, request }) => {
        const { reason } = (await request.json()) as { reason: string };
        revocations.push({ id: Number(params.id), reason });
        return update(params.id, {
          revokedBy: SIGNED_IN,
          revokedAt: new Date().toISOString(),
          revokeReason: reason,
          status: 'revoked',
        });
      },
    ),
    http.get(`${SCORECARDS_URL}/dora`, () =>
      HttpResponse.json(
        { error: { name: 'Error', message: 'No DORA here' } },
        { status: 503 },
      ),
    ),
  );
  const criticalTitle = release.evaluation!.checks.find(
    c => c.id === 'no-critical-dependency-vulnerabilities',
  )!.title;
  return { release, requests, approvals, revocations, criticalTitle };
}

/** The release page's waivers table's body rows, each as its cells' text. */
export function waiverRows(): string[][] {
  return within(screen.getByRole('table', { name: 'Waivers' }))
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}
