import { Entity } from '@backstage/catalog-model';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { portfolioItem } from '../../__testUtils__/fixtures';
import { renderScorecards } from '../../__testUtils__/renderScorecards';
import {
  SCORECARDS_URL,
  setupScorecardsServer,
} from '../../__testUtils__/server';
import { PortfolioPage } from './PortfolioPage';

// Small pages keep jsdom quick; the paging logic is the same at the default 50.
const PAGE_SIZE = 10;

const server = setupScorecardsServer();

const catalogEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'warehouse-systems', title: 'Warehouse Systems' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'order-to-cash', title: 'Order to Cash' },
    spec: { type: 'business-process', owner: 'meridian' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'procure-to-pay', title: 'Procure to Pay' },
    spec: { type: 'business-process', owner: 'meridian' },
  },
];

const summary = (totalCount: number) => ({
  totalCount,
  grades: { A: 0, B: totalCount - 3, C: 0, D: 0, F: 3 },
  gates: {
    staging: { pass: totalCount, warn: 0, fail: 0 },
    production: { pass: totalCount - 3, warn: 0, fail: 3 },
  },
});

/**
 * A backend of `total` services (`item(i)` each) that pages by a cursor holding the offset, and
 * records every portfolio query it is asked.
 */
function portfolioBackend(total: number, item = portfolioItem) {
  const queries: Array<Record<string, string>> = [];
  server.use(
    http.get(`${SCORECARDS_URL}/portfolio`, ({ request }) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(params);
      const offset = Number(params.cursor ?? 0);
      const limit = Number(params.limit);
      const end = Math.min(offset + limit, total);
      const items = [];
      for (let i = offset; i < end; i++) items.push(item(i));
      return HttpResponse.json({
        items,
        totalCount: total,
        ...(end < total ? { nextCursor: String(end) } : {}),
      });
    }),
    http.get(`${SCORECARDS_URL}/portfolio/summary`, () =>
      HttpResponse.json(summary(total)),
    ),
    http.get(`${SCORECARDS_URL}/dora`, () =>
      HttpResponse.json(
        { error: { message: 'not under test' } },
        { status: 503 },
      ),
    ),
  );
  return queries;
}

// getByRole walks the accessibility tree of the whole page, which is slow with a page of rows.
const nextPage = () => screen.getByText('Next page').closest('button')!;

async function chooseOption(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const listbox = await screen.findByRole('listbox');
  await userEvent.click(within(listbox).getByText(option));
}

describe('PortfolioPage', () => {
  it('applies the filters of the URL, pages with the backend cursor and never loads more than a page', async () => {
    const queries = portfolioBackend(24);
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards?businessProcess=order-to-cash&sort=-score'],
      catalogEntities,
    });

    expect(await screen.findByText('Service 0')).toBeInTheDocument();
    expect(queries[0]).toEqual({
      businessProcess: 'order-to-cash',
      sort: '-score',
      limit: String(PAGE_SIZE),
    });
    expect(screen.getByText('1–10 of 24')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Portfolio').querySelectorAll('tbody tr'),
    ).toHaveLength(PAGE_SIZE);

    await userEvent.click(nextPage());
    expect(await screen.findByText('Service 10')).toBeInTheDocument();
    expect(queries[queries.length - 1]).toMatchObject({ cursor: '10' });
    expect(screen.getByText('11–20 of 24')).toBeInTheDocument();

    await userEvent.click(nextPage());
    expect(await screen.findByText('21–24 of 24')).toBeInTheDocument();
    expect(nextPage()).toBeDisabled();

    await userEvent.click(screen.getByText('Previous page'));
    expect(await screen.findByText('11–20 of 24')).toBeInTheDocument();
  });

  it('shows each gate after active waivers and overrides, saying which', async () => {
    // Services 1, 3 and 5 fail production's gate; 1 is let through by an override, 3 by waivers.
    portfolioBackend(6, i => {
      const item = portfolioItem(i);
      const passed = { ...item.gates, production: 'pass' as const };
      if (i === 1) {
        return {
          ...item,
          effectiveGates: passed,
          gateAdjustments: { production: { overridden: true, waivers: 0 } },
        };
      }
      return i === 3
        ? {
            ...item,
            effectiveGates: passed,
            gateAdjustments: { production: { overridden: false, waivers: 2 } },
          }
        : item;
    });
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards'],
      catalogEntities,
    });

    const row = async (title: string) =>
      within((await screen.findByText(title)).closest('tr')!);
    const overridden = await row('Service 1');
    expect(
      overridden.getByText('production: pass (overridden)'),
    ).toBeInTheDocument();
    expect(overridden.queryByText('production: fail')).not.toBeInTheDocument();
    const waived = await row('Service 3');
    expect(
      waived.getByText('production: pass (2 waivers)'),
    ).toBeInTheDocument();
    expect(waived.queryByText(/overridden/)).not.toBeInTheDocument();
    const blocked = await row('Service 5');
    expect(blocked.getByText('production: fail')).toBeInTheDocument();
  });

  it('filters by business process and sorts on the server, starting again at the first page', async () => {
    const queries = portfolioBackend(24);
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards'],
      catalogEntities,
    });
    await screen.findByText('Service 0');
    await userEvent.click(nextPage());
    await screen.findByText('Service 10');

    await chooseOption('Business process', 'Procure to Pay');
    await waitFor(() =>
      expect(queries[queries.length - 1]).toEqual({
        businessProcess: 'procure-to-pay',
        sort: 'name',
        limit: String(PAGE_SIZE),
      }),
    );
    expect(await screen.findByText('1–10 of 24')).toBeInTheDocument();

    await userEvent.click(screen.getByText('Score'));
    await waitFor(() =>
      expect(queries[queries.length - 1]).toMatchObject({ sort: 'score' }),
    );
    await userEvent.click(screen.getByText('Score'));
    await waitFor(() =>
      expect(queries[queries.length - 1]).toMatchObject({ sort: '-score' }),
    );
  });

  it('filters to a gate state from its chart', async () => {
    const queries = portfolioBackend(24);
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards'],
      catalogEntities,
    });
    await userEvent.click(
      await screen.findByLabelText(
        'production fail: 3 services (12.5%), show them',
      ),
    );
    await waitFor(() =>
      expect(queries[queries.length - 1]).toMatchObject({
        gate: 'production:fail',
      }),
    );
    expect(screen.getByLabelText('Gate')).toHaveTextContent('production: fail');
  });

  it('asks the backend for waived releases only, and keeps the choice in the URL', async () => {
    const queries = portfolioBackend(24);
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards'],
      catalogEntities,
    });
    const waivedOnly = await screen.findByRole('checkbox', {
      name: 'Waived only',
    });
    expect(waivedOnly).not.toBeChecked();
    await userEvent.click(waivedOnly);
    await waitFor(() =>
      expect(queries[queries.length - 1]).toMatchObject({ waived: 'true' }),
    );
    expect(screen.getByRole('checkbox', { name: 'Waived only' })).toBeChecked();
  });

  it('shows the upload command when no service has releases yet', async () => {
    portfolioBackend(0);
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards'],
      catalogEntities,
    });
    expect(
      await screen.findByText('No release evidence yet'),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      `${SCORECARDS_URL}/entities/component/default/<name>/releases/$VERSION/evidence/tests`,
    );
  });

  it('offers to clear filters that match nothing', async () => {
    const queries = portfolioBackend(0);
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards?tier=critical&grade=A'],
      catalogEntities,
    });
    expect(
      await screen.findByText('No services match these filters'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[1],
    );
    await waitFor(() =>
      expect(queries[queries.length - 1]).toEqual({
        sort: 'name',
        limit: String(PAGE_SIZE),
      }),
    );
  });

  it('says what went wrong when the backend refuses', async () => {
    server.use(
      http.get(`${SCORECARDS_URL}/portfolio`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'query.gate: expected environment:decision',
            },
            request: { method: 'GET', url: '/portfolio' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
      http.get(`${SCORECARDS_URL}/portfolio/summary`, () =>
        HttpResponse.json(summary(10)),
      ),
    );
    await renderScorecards(<PortfolioPage pageSize={PAGE_SIZE} />, {
      routeEntries: ['/scorecards'],
      catalogEntities,
    });
    expect(await screen.findByText(/400: InputError/)).toBeInTheDocument();
  });
});
