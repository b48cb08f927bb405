import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/** SQLSTATEs where the database, not the request, failed: class 08, 57P01-57P03, 53300. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
/** What node-postgres throws, without a code, when its connection ends under a query. */
const DRIVER_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Client has encountered a connection error|Client was closed and is not queryable/;

/** Whether an error means the database is unreachable (the request itself may be fine). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // knex found no pooled connection in time.
  if (error.name === 'KnexTimeoutError') return true;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_SQLSTATE.test(code) || SOCKET_CODES.has(code))
  ) {
    return true;
  }
  return DRIVER_MESSAGES.test(error.message);
}

/**
 * An error handler for a plugin's `httpRouter`, after its router: a request that failed because
 * the database is unavailable gets a clean 503 that the caller may retry, instead of a 500 whose
 * message carries the SQL. The cause is logged, not attached: Backstage would serialize it into
 * the response. Later requests reconnect through the pool; nothing needs a restart.
 */
export function databaseUnavailableHandler(
  logger: LoggerService,
): ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (!isDatabaseUnavailable(error)) {
      next(error);
      return;
    }
    logger.warn(
      `${req.method} ${req.originalUrl} failed: the database is unavailable: ${error.message}`,
    );
    next(
      new ServiceUnavailableError(
        'The database is unavailable; retry the request',
      ),
    );
  };
}
