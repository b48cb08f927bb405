export { EntityRolloutsContent } from './EntityRolloutsContent';
