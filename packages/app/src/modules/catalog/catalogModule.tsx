import {
  coreExtensionData,
  createExtensionDataRef,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import catalogPlugin, {
  CatalogExportSettings,
} from '@backstage/plugin-catalog/alpha';
import { Fragment } from 'react';

type ExportCustomization = Pick<
  CatalogExportSettings,
  'exporters' | 'columns' | 'onSuccess' | 'onError'
>;

/** What `catalog-export-config` extensions give the catalog page (the catalog's own data ref id). */
const exportCustomizationRef =
  createExtensionDataRef<ExportCustomization>().with({
    id: 'catalog.export-customization',
  });

/**
 * The export settings as the catalog page merges them: its `exportSettings` config, then each
 * attached export configuration's exporters (all of them) and columns and callbacks (the first).
 */
export function mergeExportSettings(
  config: Partial<CatalogExportSettings> | undefined,
  customizations: Array<ExportCustomization | undefined>,
): CatalogExportSettings | undefined {
  const merged: CatalogExportSettings = { ...config };
  for (const data of customizations) {
    if (!data) continue;
    if (data.exporters) {
      merged.exporters = { ...merged.exporters, ...data.exporters };
    }
    merged.columns ??= data.columns;
    merged.onSuccess ??= data.onSuccess;
    merged.onError ??= data.onError;
  }
  return merged.enabled ? merged : undefined;
}

/**
 * The catalog's `page:catalog` rendering the index page with the scorecards' grade and gate
 * columns. Only the page's loader changes: its path, route, title and icon, its attached
 * filters (the scorecards' "Release gate" among them), pagination and export settings stay
 * the catalog's.
 */
const catalogIndexPage = catalogPlugin.getExtension('page:catalog').override({
  factory(originalFactory, { inputs, config }) {
    return originalFactory({
      params: {
        loader: async () => {
          const { CatalogIndexWithReleases } = await import(
            './CatalogIndexWithReleases'
          );
          const filters = inputs.filters.map(filter => (
            <Fragment key={filter.node.spec.id}>
              {filter.get(coreExtensionData.reactElement)}
            </Fragment>
          ));
          return (
            <CatalogIndexWithReleases
              filters={<>{filters}</>}
              pagination={config.pagination}
              exportSettings={mergeExportSettings(
                config.exportSettings,
                inputs.exportConfig.map(input =>
                  input.get(exportCustomizationRef),
                ),
              )}
            />
          );
        },
      },
    });
  },
});

/** The app's catalog: the index page with the release columns. */
export const catalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogIndexPage],
});
