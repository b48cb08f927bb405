export { BlockedReleasesWidget } from './BlockedReleasesWidget';
