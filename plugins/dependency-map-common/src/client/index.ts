export {
  DependencyMapClient,
  entityPath,
  type DependencyMapApi,
  type DependencyMapClientOptions,
} from './DependencyMapClient';
