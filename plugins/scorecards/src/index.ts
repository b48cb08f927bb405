/**
 * Release scorecards in the portal, for apps on the legacy frontend system: the portfolio page,
 * the entity card and tab, and the API. Apps on the new frontend system install
 * `@waybill/plugin-scorecards/alpha` instead. Both systems use the catalog's grade and gate
 * columns (`useCatalogReleaseColumns`) and its "Release gate" filter (`ReleaseGatePicker`).
 *
 * @packageDocumentation
 */

export {
  scorecardsPlugin,
  ScorecardsPortfolioPage,
  EntityScorecardCard,
  EntityScorecardContent,
} from './plugin';
export { scorecardsApiRef, scorecardsApiFactory } from './api';
export { rootRouteRef as scorecardsRouteRef } from './routes';
export { DoraPanel } from './components/DoraPanel';
export {
  useCatalogReleaseColumns,
  withReleaseColumns,
  releaseColumns,
  ReleaseGatePicker,
  ReleaseGateFilter,
  useCatalogReleases,
  type EntityRow,
  type EntityColumnsFunc,
  type ReleaseGateFilters,
  type CatalogReleasesState,
  type CatalogRelease,
  type CatalogReleases,
  type ReleaseGateState,
} from './components/CatalogColumns';
