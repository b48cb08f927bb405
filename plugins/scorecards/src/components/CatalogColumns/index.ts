export {
  releaseColumns,
  withReleaseColumns,
  useCatalogReleaseColumns,
  type EntityRow,
  type EntityColumnsFunc,
} from './releaseColumns';
export { ReleaseGradeCell, ReleaseGateCell } from './ReleaseCells';
export {
  ReleaseGatePicker,
  type ReleaseGateFilters,
} from './ReleaseGatePicker';
export { ReleaseGateFilter } from './ReleaseGateFilter';
export {
  useCatalogReleases,
  type CatalogReleasesState,
} from './useCatalogReleases';
export type {
  CatalogRelease,
  CatalogReleases,
  ReleaseGateState,
} from './catalogReleases';
