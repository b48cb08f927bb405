import express from 'express';

/**
 * The body parser of a router validated against its OpenAPI spec: JSON within the limit the
 * request's route allows (a larger body is a 413 through `bodyParserErrorHandler`), and a request
 * without a body read as an empty JSON object, so `curl -X POST` on an action whose body is
 * optional passes the spec's validation as it passes the handler.
 */
export function jsonBodies(
  limitFor: (req: express.Request) => number,
): express.RequestHandler {
  return (req, res, next) => {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody && !req.headers['content-type']) {
      req.headers['content-type'] = 'application/json';
      req.body = {};
      next();
      return;
    }
    express.json({ limit: limitFor(req) })(req, res, next);
  };
}
