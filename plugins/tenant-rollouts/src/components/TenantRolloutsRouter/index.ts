export { TenantRolloutsRouter } from './TenantRolloutsRouter';
