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
