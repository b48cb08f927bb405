export * from './types';
export {
  TenantRolloutsClient,
  rolloutConflictOf,
  type TenantRolloutsApi,
  type TenantRolloutsClientOptions,
} from './TenantRolloutsClient';
