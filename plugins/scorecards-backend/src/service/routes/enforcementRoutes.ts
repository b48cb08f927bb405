import express from 'express';
import { AuthenticationError } from '@backstage/errors';
import { sigstoreBundleOf } from '../attestation/GateAttestations';
import { ApiRouter, RouteContext } from './context';
import { releaseKeyFromParams } from './releaseKey';

/**
 * Enforcement: signed gate decisions and their keys, and Flagger's confirm-promotion webhook
 * (which authenticates by the token in its metadata: Flagger sends no headers of its own).
 */
export function registerEnforcementRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  const { attestations, enforcement, readerAccess } = context;

  router.get(
    '/entities/:kind/:namespace/:name/releases/:version/gates/:environment/attestation',
    async (req, res) => {
      const access = await readerAccess(req);
      const envelope = await attestations.attest(
        releaseKeyFromParams(req.params),
        req.params.environment,
        access,
      );
      res.json(
        req.query.format === 'sigstore-bundle'
          ? sigstoreBundleOf(envelope)
          : envelope,
      );
    },
  );

  // Its permission (x-permission) is checked before the route runs; it reads no entity.
  router.get('/attestation/keys', async (_req, res) => {
    res.json({ keys: attestations.keys() });
  });

  router.post('/enforcement/flagger/confirm-promotion', async (req, res) => {
    const { entityRef, version, environment, token } = req.body.metadata;
    const answer = await enforcement.flagger({
      entityRef,
      version,
      environment,
      token,
    });
    res.status(answer.promote ? 200 : 412).json(answer);
  });
}

/**
 * Flagger's webhook is authenticated by the token in its body: without one (no body, or no
 * `metadata.token`) it is refused with 401 before anything else of the body is validated, as a
 * route without a bearer token is.
 */
export const requireFlaggerToken: express.RequestHandler = (
  req,
  _res,
  next,
) => {
  const token = req.body?.metadata?.token;
  if (typeof token !== 'string' || token === '') {
    next(
      new AuthenticationError(
        "Flagger's webhook carries its Backstage token as metadata.token; this one has none",
      ),
    );
    return;
  }
  next();
};
