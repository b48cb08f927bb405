export {
  DependencyMapClient,
  entityPath,
  type DependencyGraphBuild,
  type DependencyGraphSummary,
  type DependencyMapApi,
  type DependencyMapClientOptions,
  type DependencyMapStatus,
  type RequestOptions,
  type WithGraphSummary,
} from './DependencyMapClient';
