import {
  Content,
  ContentHeader,
  Header,
  Page,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Grid,
  LinearProgress,
  Paper,
  makeStyles,
} from '@material-ui/core';
import GetApp from '@material-ui/icons/GetApp';
import {
  PortfolioFilter,
  PortfolioSummary,
} from '@waybill/plugin-scorecards-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import { DoraPanel } from '../DoraPanel';
import { businessProcessLabel } from '../shared/businessProcess';
import { PortfolioFilters } from './PortfolioFilters';
import { PortfolioResults } from './PortfolioResults';
import { PortfolioView, searchParamsFromView } from './portfolioView';
import { usePortfolioCsvExport } from './usePortfolioCsvExport';
import { usePortfolioPaging } from './usePortfolioPaging';
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
    filter.businessProcess &&
      `business process ${businessProcessLabel(filter.businessProcess)}`,
    filter.system &&
      `system ${filter.system.replace(/^system:(default\/)?/, '')}`,
  ].filter(Boolean);
  return scope.length > 0
    ? `DORA for ${scope.join(', ')}`
    : 'DORA for every service with releases';
}

function ExportCsvButton(props: { onClick: () => void; disabled: boolean }) {
  return (
    <Button
      variant="outlined"
      startIcon={<GetApp />}
      onClick={props.onClick}
      disabled={props.disabled}
    >
      Export CSV
    </Button>
  );
}

/** The grade and gate charts of the services a filter selects; a click on a bar filters by it. */
function PortfolioCharts(props: {
  summary: { error?: Error; value?: PortfolioSummary };
  onFilter: (patch: Partial<PortfolioFilter>) => void;
}) {
  const { error, value: summary } = props.summary;
  if (error) {
    return (
      <Grid item xs={12}>
        <ResponseErrorPanel error={error} />
      </Grid>
    );
  }
  if (!summary || summary.totalCount === 0) return null;
  return (
    <>
      <Grid item xs={12} md={6}>
        <GradeDistributionChart summary={summary} onFilter={props.onFilter} />
      </Grid>
      <Grid item xs={12} md={6}>
        <GateSummaryChart summary={summary} onFilter={props.onFilter} />
      </Grid>
    </>
  );
}

/** The view's filter and sort setters, stable so that memoized children skip renders. */
function useViewSetters(setView: ReturnType<typeof usePortfolioView>[1]) {
  const onSort = useCallback(
    (sort: PortfolioView['sort']) =>
      setView(previous => ({ ...previous, sort })),
    [setView],
  );
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
  return { onSort, applyFilter, setFilter };
}

/**
 * The filter DORA is shown for: a new filter's once its first page is on screen. The figures
 * cover every matching service and may take the backend a while; the page should not wait
 * behind them.
 */
function useDoraFilter(
  filter: PortfolioFilter,
  filterKey: string,
  pageLoaded: boolean,
): PortfolioFilter | undefined {
  const [doraFilter, setDoraFilter] = useState<PortfolioFilter>();
  useEffect(() => {
    if (pageLoaded) setDoraFilter(filter);
    // The filter is read through filterKey, its serialized form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pageLoaded, filterKey]);
  return doraFilter;
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
  const [view, setView] = usePortfolioView();
  const filterKey = searchParamsFromView({
    filter: view.filter,
    sort: 'name',
  }).toString();
  const { page, pageIndex, onNext, onPrevious } = usePortfolioPaging(
    view,
    pageSize,
  );
  const summary = useAsync(
    () => api.getPortfolioSummary(view.filter),
    [api, filterKey],
  );
  const options = useFilterOptions();
  const doraFilter = useDoraFilter(
    view.filter,
    filterKey,
    !page.loading && Boolean(page.value),
  );
  const { onSort, applyFilter, setFilter } = useViewSetters(setView);
  const environments = useMemo(
    () => Object.keys(summary.value?.gates ?? {}),
    [summary.value],
  );
  const exportCsv = usePortfolioCsvExport(view);
  const hasServices = Boolean(page.value && page.value.totalCount > 0);

  return (
    <Page themeId="tool">
      {PAGE_HEADER}
      <Content>
        <ContentHeader title="Portfolio">
          <ExportCsvButton onClick={exportCsv} disabled={!hasServices} />
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
          <PortfolioCharts summary={summary} onFilter={applyFilter} />
          <Grid item xs={12}>
            <Paper className={classes.table}>
              {page.loading && page.value && (
                <LinearProgress className={classes.loading} />
              )}
              <PortfolioResults
                page={page}
                filter={view.filter}
                sort={view.sort}
                pageIndex={pageIndex}
                pageSize={pageSize}
                onSort={onSort}
                onNext={onNext}
                onPrevious={onPrevious}
                onClearFilters={() => setView({ ...view, filter: {} })}
              />
            </Paper>
          </Grid>
          {doraFilter && hasServices && (
            <Grid item xs={12}>
              <DoraPanel filter={doraFilter} title={doraTitle(doraFilter)} />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
