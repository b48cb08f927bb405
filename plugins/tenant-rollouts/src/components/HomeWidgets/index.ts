export { RolloutsInFlightWidget } from './RolloutsInFlightWidget';
export { UpcomingFreezesWidget } from './UpcomingFreezesWidget';
