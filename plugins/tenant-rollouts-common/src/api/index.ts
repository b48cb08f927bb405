export * from './types';
export {
  TenantRolloutsClient,
  rolloutConflictOf,
  type RolloutListFilter,
  type TenantRolloutsApi,
  type TenantRolloutsClientOptions,
} from './TenantRolloutsClient';
