import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Button } from '@material-ui/core';
import {
  PortfolioFilter,
  PortfolioPage as PortfolioPageData,
  PortfolioSort,
} from '@waybill/plugin-scorecards-common';
import { UploadEvidenceHint } from '../shared/UploadEvidenceHint';
import { PortfolioTable } from './PortfolioTable';
import { isFiltered } from './portfolioView';

/**
 * What the portfolio's table area shows: the error, progress, how to upload evidence when no
 * service has any, a way out of filters nothing matches, or the page.
 */
export function PortfolioResults(props: {
  page: { error?: Error; value?: PortfolioPageData };
  filter: PortfolioFilter;
  sort: PortfolioSort;
  pageIndex: number;
  pageSize: number;
  onSort: (sort: PortfolioSort) => void;
  onNext: () => void;
  onPrevious: () => void;
  onClearFilters: () => void;
}) {
  const { page, filter } = props;
  if (page.error) return <ResponseErrorPanel error={page.error} />;
  if (!page.value) return <Progress />;
  if (page.value.totalCount === 0 && !isFiltered(filter)) {
    return <UploadEvidenceHint />;
  }
  if (page.value.totalCount === 0) {
    return (
      <EmptyState
        missing="data"
        title="No services match these filters"
        description="Every service with releases is scored; none of them has all of the selected owner, system, business process, tier, grade and gate state."
        action={
          <Button
            variant="contained"
            color="primary"
            onClick={props.onClearFilters}
          >
            Clear filters
          </Button>
        }
      />
    );
  }
  return (
    <PortfolioTable
      items={page.value.items}
      totalCount={page.value.totalCount}
      pageIndex={props.pageIndex}
      pageSize={props.pageSize}
      sort={props.sort}
      hasNext={Boolean(page.value.nextCursor)}
      onSort={props.onSort}
      onNext={props.onNext}
      onPrevious={props.onPrevious}
    />
  );
}
