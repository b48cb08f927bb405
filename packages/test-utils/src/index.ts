/** Test helpers shared by Waybill's backend packages. */
export {
  assertPostgresWhenRequired,
  createTestDatabases,
  WAYBILL_TEST_DATABASE_IDS,
} from './createTestDatabases';
