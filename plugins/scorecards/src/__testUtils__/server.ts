import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';

/** The scorecards backend's address in tests (`mockApis.discovery()`'s default). */
export const SCORECARDS_URL = 'http://example.com/api/scorecards';

/** An msw server for the test file; handlers are added per test with `server.use`. */
export function setupScorecardsServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/** The releases of `inventoryEntity` (component:default/inventory) in the backend. */
export const INVENTORY_RELEASES_URL = `${SCORECARDS_URL}/entities/component/default/inventory/releases`;
