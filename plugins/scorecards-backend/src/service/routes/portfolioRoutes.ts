import { ApiRouter, RouteContext } from './context';
import { writePortfolioCsv } from './portfolioCsv';
import { portfolioFilterOf } from './portfolioFilter';

/** The portfolio: every entity's latest release, as pages, as charts and as CSV. */
export function registerPortfolioRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  const { scorecards, readerAccess } = context;

  router.get('/portfolio', async (req, res) => {
    const access = await readerAccess(req);
    const { sort, limit, cursor, ...filter } = req.query;
    res.json(
      await scorecards.portfolio(
        { ...portfolioFilterOf(filter), sort, limit, cursor },
        access,
      ),
    );
  });

  router.get('/portfolio/summary', async (req, res) => {
    const access = await readerAccess(req);
    res.json(
      await scorecards.portfolioSummary(portfolioFilterOf(req.query), access),
    );
  });

  router.get('/portfolio.csv', async (req, res) => {
    const access = await readerAccess(req);
    const { sort, ...filter } = req.query;
    const query = { ...portfolioFilterOf(filter), sort };
    res.type('text/csv').attachment('waybill-portfolio.csv');
    // Streamed a page at a time, waiting for the client when its buffer is full.
    await writePortfolioCsv(res, scorecards.portfolioPages(query, access));
    res.end();
  });
}
