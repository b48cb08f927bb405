import { InputError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/**
 * An error handler for a router whose routes parse bodies with express's parsers (body-parser):
 * a body over the route's limit answers 413 `PayloadTooLargeError` naming the limit, and a body
 * that is not JSON a 400 naming the parse error, both in Backstage's error shape and without
 * echoing the body back.
 *
 * @param limitHint - where the limit is set, added to the 413 message (e.g. a config key)
 */
export function bodyParserErrorHandler(
  limitHint?: string,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (error?.type === 'entity.too.large') {
      res.status(413).json({
        error: {
          name: 'PayloadTooLargeError',
          message: `The request body is larger than this route accepts (${
            error.limit
          } bytes${limitHint ? `; ${limitHint}` : ''})`,
        },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 413 },
      });
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      next(
        new InputError(`The request body is not valid JSON: ${error.message}`),
      );
      return;
    }
    next(error);
  };
}
