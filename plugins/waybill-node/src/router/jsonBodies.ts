import express from 'express';

/**
 * The body parser in front of a router validated against its OpenAPI spec: JSON within the limit
 * the request's route allows, and a request without a body read as an empty JSON object, so
 * `curl -X POST` on an action whose body is optional passes the spec's validation. Mount it in
 * the outer router, whose `bodyParserErrorHandler` answers a body over the limit with 413: the
 * validated router itself turns every error reaching its own handler into a 400.
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
