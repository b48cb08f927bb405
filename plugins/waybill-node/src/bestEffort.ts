import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Sends something that reports a change (a signal, a notification) without letting it fail
 * the change: an error is logged as a warning naming `what`, and swallowed.
 */
export async function bestEffort(
  logger: LoggerService,
  what: string,
  send: () => Promise<unknown>,
): Promise<void> {
  try {
    await send();
  } catch (error) {
    logger.warn(`Could not send the ${what}: ${(error as Error).message}`);
  }
}
