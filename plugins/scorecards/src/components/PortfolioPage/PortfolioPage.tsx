import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Grid,
  LinearProgress,
  Paper,
  makeStyles,
} from '@material-ui/core';
import GetApp from '@material-ui/icons/GetApp';
import { PortfolioFilter } from '@waybill/plugin-scorecards-common';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { DoraPanel } from '../DoraPanel';
import { UploadEvidenceHint } from '../shared/UploadEvidenceHint';
import { PortfolioFilters } from './PortfolioFilters';
import { PortfolioTable } from './PortfolioTable';
import {
  PortfolioView,
  isFiltered,
  searchParamsFromView,
} from './portfolioView';
import { usePortfolioView } from './usePortfolioView';
import { GateSummaryChart, GradeDistributionChart } from './SummaryCharts';
import { useFilterOptions } from './useFilterOptions';

/** Services per page by default; the backend pages, so the table never loads the whole portfolio. */
export const DEFAULT_PAGE_SIZE = 50;

const useStyles = makeStyles(theme => ({
  table: { padding: theme.spacing(2), position: 'relative' },
  loading: { position: 'absolute', top: 0, left: 0, right: 0 },
}));

/** The page header never changes; one element, so that page updates skip it. */
const PAGE_HEADER = (
  <Header
    title="Release scorecards"
    subtitle="The latest release of every service, scored from its CI evidence by policy"
  />
);

function doraTitle(filter: PortfolioFilter): string {
  const scope = [
    filter.owner && `owner ${filter.owner.replace(/^group:(default\/)?/, '')}`,
    filter.businessProcess && `business process ${filter.businessProcess}`,
    filter.system &&
      `system ${filter.system.replace(/^system:(default\/)?/, '')}`,
  ].filter(Boolean);
  return scope.length > 0
    ? `DORA for ${scope.join(', ')}`
    : 'DORA for every service with releases';
}

/**
 * The portfolio: every service's latest release with its score, grade, gates and failing
 * checks. Filters and sort live in the URL; paging is the backend's cursor.
 */
export function PortfolioPage(props: {
  /** Services per page, at most 200. */
  pageSize?: number;
}) {
  const pageSize = props.pageSize ?? DEFAULT_PAGE_SIZE;
  const classes = useStyles();
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  const [view, setView] = usePortfolioView();
  const viewKey = searchParamsFromView(view).toString();
  const filterKey = searchParamsFromView({
    filter: view.filter,
    sort: 'name',
  }).toString();

  // The cursors of the pages visited in this view; a new view starts again at its first page.
  const [paging, setPaging] = useState<{
    viewKey: string;
    cursors: Array<string | undefined>;
  }>({ viewKey, cursors: [undefined] });
  const cursors = useMemo(
    () => (paging.viewKey === viewKey ? paging.cursors : [undefined]),
    [paging, viewKey],
  );
  const cursor = cursors[cursors.length - 1];

  const page = useAsync(
    () =>
      api.getPortfolio({
        ...view.filter,
        sort: view.sort,
        limit: pageSize,
        cursor,
      }),
    [api, viewKey, cursor, pageSize],
  );
  const summary = useAsync(
    () => api.getPortfolioSummary(view.filter),
    [api, filterKey],
  );
  const options = useFilterOptions();
  // DORA for a new filter is asked once its first page is on screen: the figures cover every
  // matching service and may take the backend a while, the page should not wait behind them.
  const [doraFilter, setDoraFilter] = useState<PortfolioFilter>();
  const pageLoaded = !page.loading && Boolean(page.value);
  useEffect(() => {
    if (pageLoaded) setDoraFilter(view.filter);
    // The filter is read through filterKey, its serialized form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pageLoaded, filterKey]);

  // Stable handlers that read the latest state, so that the memoized table renders again only
  // when its data changes (not when a filter click starts loading the next page).
  const latest = useRef({
    cursors,
    viewKey,
    nextCursor: page.value?.nextCursor,
  });
  latest.current = { cursors, viewKey, nextCursor: page.value?.nextCursor };
  const onSort = useCallback(
    (sort: PortfolioView['sort']) =>
      setView(previous => ({ ...previous, sort })),
    [setView],
  );
  const onNext = useCallback(() => {
    const { cursors: visited, nextCursor, viewKey: key } = latest.current;
    setPaging({ viewKey: key, cursors: [...visited, nextCursor] });
  }, []);
  const onPrevious = useCallback(() => {
    const { cursors: visited, viewKey: key } = latest.current;
    setPaging({ viewKey: key, cursors: visited.slice(0, -1) });
  }, []);

  const applyFilter = useCallback(
    (patch: Partial<PortfolioFilter>) =>
      setView(previous => ({
        ...previous,
        filter: { ...previous.filter, ...patch },
      })),
    [setView],
  );
  const setFilter = useCallback(
    (filter: PortfolioFilter) => setView(previous => ({ ...previous, filter })),
    [setView],
  );
  const environments = useMemo(
    () => Object.keys(summary.value?.gates ?? {}),
    [summary.value],
  );

  const exportCsv = async () => {
    try {
      const csv = await api.getPortfolioCsv({
        ...view.filter,
        sort: view.sort,
      });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'waybill-portfolio.csv';
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      alertApi.post({
        message: `The CSV export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    }
  };

  let table;
  if (page.error) {
    table = <ResponseErrorPanel error={page.error} />;
  } else if (!page.value) {
    table = <Progress />;
  } else if (page.value.totalCount === 0 && !isFiltered(view.filter)) {
    table = <UploadEvidenceHint />;
  } else if (page.value.totalCount === 0) {
    table = (
      <EmptyState
        missing="data"
        title="No services match these filters"
        description="Every service with releases is scored; none of them has all of the selected owner, system, business process, tier, grade and gate state."
        action={
          <Button
            variant="contained"
            color="primary"
            onClick={() => setView({ ...view, filter: {} })}
          >
            Clear filters
          </Button>
        }
      />
    );
  } else {
    table = (
      <PortfolioTable
        items={page.value.items}
        totalCount={page.value.totalCount}
        pageIndex={cursors.length - 1}
        pageSize={pageSize}
        sort={view.sort}
        hasNext={Boolean(page.value.nextCursor)}
        onSort={onSort}
        onNext={onNext}
        onPrevious={onPrevious}
      />
    );
  }

  return (
    <Page themeId="tool">
      {PAGE_HEADER}
      <Content>
        <ContentHeader title="Portfolio">
          <Button
            variant="outlined"
            startIcon={<GetApp />}
            onClick={exportCsv}
            disabled={!page.value || page.value.totalCount === 0}
          >
            Export CSV
          </Button>
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <PortfolioFilters
              filter={view.filter}
              options={options.value}
              environments={environments}
              onChange={setFilter}
            />
          </Grid>
          {summary.error && (
            <Grid item xs={12}>
              <ResponseErrorPanel error={summary.error} />
            </Grid>
          )}
          {summary.value && summary.value.totalCount > 0 && (
            <>
              <Grid item xs={12} md={6}>
                <GradeDistributionChart
                  summary={summary.value}
                  onFilter={applyFilter}
                />
              </Grid>
              <Grid item xs={12} md={6}>
                <GateSummaryChart
                  summary={summary.value}
                  onFilter={applyFilter}
                />
              </Grid>
            </>
          )}
          <Grid item xs={12}>
            <Paper className={classes.table}>
              {page.loading && page.value && (
                <LinearProgress className={classes.loading} />
              )}
              {table}
            </Paper>
          </Grid>
          {doraFilter && page.value && page.value.totalCount > 0 && (
            <Grid item xs={12}>
              <DoraPanel filter={doraFilter} title={doraTitle(doraFilter)} />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
