export { ExpiringWaiversWidget } from './ExpiringWaiversWidget';
