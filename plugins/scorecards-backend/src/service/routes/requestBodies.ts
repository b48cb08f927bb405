import { jsonBodies } from '@waybill/plugin-waybill-node';
import express from 'express';

/** Overrides, waivers and Flagger's webhooks are a few fields; nothing bigger is legitimate. */
const SMALL_BODY_LIMIT_BYTES = 16 * 1024;

/** Where the Content-Type an evidence file was sent with is kept, in `res.locals`. */
const SENT_CONTENT_TYPE = 'scorecardsSentContentType';

/**
 * Evidence files are read as sent, as bytes, within `maxUploadBytes` (413 beyond it). A file is
 * validated by the parser of its format, which names the line of a problem and refuses a
 * Content-Type that contradicts the format, once the caller may act for the entity. So the
 * spec's validation sees the upload as `application/octet-stream`, the media type the spec
 * admits for every format, and the Content-Type sent is kept for the parser
 * (`sentContentType`).
 */
function evidenceBodies(maxUploadBytes: number): express.RequestHandler {
  const raw = express.raw({ type: () => true, limit: maxUploadBytes });
  return (req, res, next) => {
    if (req.method !== 'POST') {
      next();
      return;
    }
    raw(req, res, error => {
      if (error) {
        next(error);
        return;
      }
      res.locals[SENT_CONTENT_TYPE] = req.headers['content-type'];
      req.headers['content-type'] = 'application/octet-stream';
      next();
    });
  };
}

/** The Content-Type an evidence file was sent with (see `requestBodies`). */
export function sentContentType(res: express.Response): string | undefined {
  return res.locals[SENT_CONTENT_TYPE];
}

/**
 * Parses the bodies of the routes that take one, in front of the router the spec validates:
 * evidence files as bytes, delivery events as JSON within `maxUploadBytes`, gate overrides, waivers and
 * Flagger's webhooks as JSON within 16 KiB. A body over its limit reaches the router's `bodyParserErrorHandler` (413).
 */
export function requestBodies(maxUploadBytes: number): express.Router {
  const release = '/entities/:kind/:namespace/:name/releases/:version';
  const router = express.Router();
  router.use(
    `${release}/evidence/:evidenceKind`,
    evidenceBodies(maxUploadBytes),
  );
  router.use(
    '/events',
    jsonBodies(() => maxUploadBytes),
  );
  router.use(
    `${release}/gates/:environment/overrides`,
    jsonBodies(() => SMALL_BODY_LIMIT_BYTES),
  );
  router.use(
    '/enforcement/flagger',
    jsonBodies(() => SMALL_BODY_LIMIT_BYTES),
  );
  router.use(
    '/waivers',
    jsonBodies(() => SMALL_BODY_LIMIT_BYTES),
  );
  return router;
}
