export { DependencyMapPage } from './DependencyMapPage';
