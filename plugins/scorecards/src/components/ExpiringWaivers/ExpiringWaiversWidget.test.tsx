import { screen } from '@testing-library/react';
import { httpClientOptions, renderPlugin } from '@waybill/frontend-test-utils';
import { ScorecardsClient, Waiver } from '@waybill/plugin-scorecards-common';
import { http, HttpResponse } from 'msw';
import { scorecardsApiRef } from '../../api';
import { approvedWaiver, waiverRecord } from '../../__testUtils__/fixtures';
import {
  SCORECARDS_URL,
  setupScorecardsServer,
} from '../../__testUtils__/server';
import { ExpiringWaiversWidget } from './ExpiringWaiversWidget';

const server = setupScorecardsServer();

/** An active waiver of `name`'s critical vulnerability check in production, ending on 2 December. */
const waiver = (id: number, name: string, versionRange: string): Waiver =>
  waiverRecord({
    ...approvedWaiver(),
    id,
    entityRef: `component:default/${name}`,
    versionRange,
    expiresAt: '2026-12-02T08:00:00.000Z',
  });

/** The backend answers `waivers`, and records each listing's query. */
function waiversBackend(waivers: Waiver[]) {
  const queries: string[] = [];
  server.use(
    http.get(`${SCORECARDS_URL}/waivers`, ({ request }) => {
      queries.push(new URL(request.url).search);
      return HttpResponse.json({ items: waivers });
    }),
  );
  return queries;
}

const renderWidget = () =>
  renderPlugin(<ExpiringWaiversWidget />, {
    apis: [[scorecardsApiRef, new ScorecardsClient(httpClientOptions())]],
  });

describe('ExpiringWaiversWidget', () => {
  it("lists the waivers ending within a week, each linked to its entity's scorecards", async () => {
    const queries = waiversBackend([
      waiver(1, 'inventory', '5.2.0'),
      waiver(2, 'sales', '>=7.0.0 <7.1.0'),
    ]);
    await renderWidget();

    // One version: the tab opens on that release.
    expect(
      await screen.findByRole('link', { name: 'inventory 5.2.0' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/scorecards?release=5.2.0',
    );
    // A range names no one release: the tab opens on the latest.
    expect(
      screen.getByRole('link', { name: 'sales >=7.0.0 <7.1.0' }),
    ).toHaveAttribute('href', '/catalog/default/component/sales/scorecards');
    expect(
      screen.getAllByText(
        'no-critical-dependency-vulnerabilities waived for production; expires 2026-12-02 08:00 UTC',
      ),
    ).toHaveLength(2);
    expect(queries).toEqual(['?expiringWithinDays=7']);
  });

  it('says so when no waiver ends soon', async () => {
    waiversBackend([]);
    await renderWidget();
    expect(
      await screen.findByText('No waiver expires in the next 7 days.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows the backend’s error instead of an empty list', async () => {
    server.use(
      http.get(`${SCORECARDS_URL}/waivers`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Not allowed' } },
          { status: 403 },
        ),
      ),
    );
    await renderWidget();
    expect(
      (await screen.findAllByText(/403 Forbidden.*Not allowed/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/No waiver expires/)).not.toBeInTheDocument();
  });
});
