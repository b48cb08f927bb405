import { CatalogTable } from '@backstage/plugin-catalog';
import {
  CatalogIndexPage,
  CatalogIndexPageProps,
} from '@backstage/plugin-catalog/alpha';
import { useCatalogReleaseColumns } from '@waybill/plugin-scorecards';

/**
 * The catalog's index page with its default columns plus the scorecards' "Grade" and "Gate"
 * of each component's latest release, read once for the whole table.
 */
export function CatalogIndexWithReleases(props: CatalogIndexPageProps) {
  const columns = useCatalogReleaseColumns(CatalogTable.defaultColumnsFunc);
  return <CatalogIndexPage {...props} columns={columns} />;
}
