import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { httpClientOptions, renderPlugin } from '@waybill/frontend-test-utils';
import {
  PortfolioItem,
  ScorecardsClient,
} from '@waybill/plugin-scorecards-common';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { scorecardsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  SCORECARDS_URL,
  setupScorecardsServer,
} from '../../__testUtils__/server';
import { BlockedReleasesWidget } from './BlockedReleasesWidget';
import { overriddenWhereChanged } from '../../__testUtils__/fixtures';

const server = setupScorecardsServer();

/** A portfolio line; its gates after overrides are the policy's unless given. */
const item = (
  name: string,
  owner: string,
  gates: PortfolioItem['gates'],
  effectiveGates: PortfolioItem['effectiveGates'] = gates,
): PortfolioItem => ({
  entityRef: `component:default/${name}`,
  title: name === 'inventory' ? 'Inventory' : 'Sales Orders',
  owner,
  system: null,
  tier: 'critical',
  businessProcesses: [],
  version: '5.2.0',
  releasedAt: '2026-12-01T00:00:00.000Z',
  score: 71,
  grade: 'C',
  gates,
  effectiveGates,
  gateAdjustments: overriddenWhereChanged(gates, effectiveGates),
  failingChecks: [
    {
      id: 'no-critical-dependency-vulnerabilities',
      title: 'No critical vulnerabilities',
      status: 'fail',
    },
  ],
});

function renderWidget(ownershipEntityRefs: string[]) {
  return renderPlugin(<BlockedReleasesWidget />, {
    apis: [
      [scorecardsApiRef, new ScorecardsClient(httpClientOptions())],
      [
        identityApiRef,
        mockApis.identity({
          userEntityRef: 'user:default/guest',
          ownershipEntityRefs,
        }),
      ],
    ],
    mountedRoutes: { '/scorecards': rootRouteRef },
  });
}

describe('BlockedReleasesWidget', () => {
  it('lists the blocked releases of what the user and their groups own, linked to their checks', async () => {
    const owners: string[] = [];
    server.use(
      http.get(`${SCORECARDS_URL}/portfolio`, ({ request }) => {
        const owner = new URL(request.url).searchParams.get('owner')!;
        owners.push(owner);
        return HttpResponse.json({
          items:
            owner === 'group:default/warehouse-systems'
              ? [
                  item('inventory', owner, {
                    staging: 'pass',
                    production: 'fail',
                  }),
                  // Production's gate overridden: not blocked, as its own page says.
                  item(
                    'sales',
                    owner,
                    { production: 'fail' },
                    { production: 'pass' },
                  ),
                ]
              : [],
          totalCount: 2,
        });
      }),
    );
    await renderWidget([
      'user:default/guest',
      'group:default/warehouse-systems',
    ]);

    const link = await screen.findByRole('link', { name: 'Inventory 5.2.0' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/scorecards?release=5.2.0',
    );
    expect(
      screen.getByText(
        'Blocked for production; score 71 (C); failing: No critical vulnerabilities',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Sales Orders/)).not.toBeInTheDocument();
    // Beyond the user's own: every release production's gate blocks.
    expect(
      screen.getByRole('link', {
        name: 'Every release blocked for production',
      }),
    ).toHaveAttribute('href', '/scorecards?gate=production%3Afail&sort=score');
    expect(owners.sort()).toEqual([
      'group:default/warehouse-systems',
      'user:default/guest',
    ]);
  });

  it('says so when nothing the user owns is blocked, and leads to every blocked release in the portfolio', async () => {
    server.use(
      http.get(`${SCORECARDS_URL}/portfolio`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
    );
    await renderWidget(['user:default/guest']);

    expect(
      await screen.findByText(/None of your services has a blocked release/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Every release blocked for production',
      }),
    ).toHaveAttribute('href', '/scorecards?gate=production%3Afail&sort=score');
  });

  it('shows the backend’s error instead of an empty list', async () => {
    server.use(
      http.get(`${SCORECARDS_URL}/portfolio`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Not allowed' } },
          { status: 403 },
        ),
      ),
    );
    await renderWidget(['user:default/guest']);

    expect(
      (await screen.findAllByText(/403 Forbidden.*Not allowed/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/None of your services/)).not.toBeInTheDocument();
  });
});
