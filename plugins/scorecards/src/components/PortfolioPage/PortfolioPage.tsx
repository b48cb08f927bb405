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
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
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
  viewFromSearchParams,
} from './portfolioView';
import { GateSummaryChart, GradeDistributionChart } from './SummaryCharts';
import { useFilterOptions } from './useFilterOptions';

/** Services per page by default; the backend pages, so the table never loads the whole portfolio. */
export const DEFAULT_PAGE_SIZE = 50;

const useStyles = makeStyles(theme => ({
  table: { padding: theme.spacing(2), position: 'relative' },
  loading: { position: 'absolute', top: 0, left: 0, right: 0 },
}));

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
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(
    () => viewFromSearchParams(searchParams),
    [searchParams],
  );
  const viewKey = searchParamsFromView(view).toString();
  const filterKey = searchParamsFromView({
    filter: view.filter,
    sort: 'name',
  }).toString();
  const setView = (next: PortfolioView) =>
    setSearchParams(searchParamsFromView(next));

  // The cursors of the pages visited in this view; a new view starts again at its first page.
  const [paging, setPaging] = useState<{
    viewKey: string;
    cursors: Array<string | undefined>;
  }>({ viewKey, cursors: [undefined] });
  const cursors = paging.viewKey === viewKey ? paging.cursors : [undefined];
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

  const applyFilter = (patch: Partial<PortfolioFilter>) =>
    setView({ ...view, filter: { ...view.filter, ...patch } });

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
        onSort={sort => setView({ ...view, sort })}
        onNext={() =>
          setPaging({ viewKey, cursors: [...cursors, page.value!.nextCursor] })
        }
        onPrevious={() => setPaging({ viewKey, cursors: cursors.slice(0, -1) })}
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Release scorecards"
        subtitle="The latest release of every service, scored from its CI evidence by policy"
      />
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
              environments={Object.keys(summary.value?.gates ?? {})}
              onChange={filter => setView({ ...view, filter })}
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
          {page.value && page.value.totalCount > 0 && (
            <Grid item xs={12}>
              <DoraPanel filter={view.filter} title={doraTitle(view.filter)} />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
