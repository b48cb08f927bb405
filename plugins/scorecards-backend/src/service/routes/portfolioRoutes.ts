import { PORTFOLIO_SORTS } from '@waybill/plugin-scorecards-common';
import { parseInput } from '@waybill/plugin-waybill-node';
import express from 'express';
import { z } from 'zod';
import { RouteContext } from './context';
import { portfolioCsvHeader, portfolioCsvLine } from './portfolioCsv';
import { portfolioFilter } from './portfolioFilter';

const portfolioQuery = portfolioFilter
  .extend({
    sort: z.enum(PORTFOLIO_SORTS).default('name'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(1000).optional(),
  })
  .strict();
const portfolioCsvQuery = portfolioFilter
  .extend({ sort: z.enum(PORTFOLIO_SORTS).default('name') })
  .strict();

/** The portfolio: every entity's latest release, as pages, as charts and as CSV. */
export function registerPortfolioRoutes(
  router: express.Router,
  context: RouteContext,
): void {
  const { scorecards, authorizeRead } = context;

  router.get('/portfolio', async (req, res) => {
    const access = await authorizeRead(req);
    res.json(
      await scorecards.portfolio(
        parseInput(portfolioQuery, req.query, 'query'),
        access,
      ),
    );
  });

  router.get('/portfolio/summary', async (req, res) => {
    const access = await authorizeRead(req);
    res.json(
      await scorecards.portfolioSummary(
        parseInput(portfolioFilter.strict(), req.query, 'query'),
        access,
      ),
    );
  });

  router.get('/portfolio.csv', async (req, res) => {
    const access = await authorizeRead(req);
    const query = parseInput(portfolioCsvQuery, req.query, 'query');
    res.type('text/csv').attachment('waybill-portfolio.csv');
    res.write(portfolioCsvHeader());
    for await (const items of scorecards.portfolioPages(query, access)) {
      for (const item of items) res.write(portfolioCsvLine(item));
    }
    res.end();
  });
}
