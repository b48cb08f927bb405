import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { scorecardsApiRef } from '../../api';
import { PortfolioView } from './portfolioView';

/** Downloads the portfolio of a view as CSV; a failure is an error alert. */
export function usePortfolioCsvExport(view: PortfolioView) {
  const api = useApi(scorecardsApiRef);
  const alertApi = useApi(alertApiRef);
  return async () => {
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
}
