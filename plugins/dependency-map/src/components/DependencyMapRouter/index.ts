export { DependencyMapRouter } from './DependencyMapRouter';
