import { InputError } from '@backstage/errors';
import {
  audited,
  callerOf,
  catalogCredentialsFor,
} from '@waybill/plugin-waybill-node';
import { ApiRouter, RouteContext } from './context';
import { releaseKeyFromParams } from './releaseKey';
import { sentContentType } from './requestBodies';

/** Evidence: a pipeline uploads one file of a release's evidence, which is stored and scored. */
export function registerEvidenceRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  const { scorecards, authorize, auditor, auth } = context;
  router.post(
    '/entities/:kind/:namespace/:name/releases/:version/evidence/:evidenceKind',
    async (req, res) => {
      const credentials = await authorize(req);
      const key = releaseKeyFromParams(req.params);
      const kind = req.params.evidenceKind;
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new InputError(
          'The request body is empty; send the evidence file as the body',
        );
      }
      const { commit, pipelineUrl, artifactDigest, environment } = req.query;
      const result = await audited(
        auditor,
        { eventId: 'evidence-upload', request: req, meta: { ...key, kind } },
        async () =>
          scorecards.uploadEvidence(
            {
              ...key,
              commit,
              pipelineUrl,
              artifactDigest,
              environment,
              kind,
              contentType: sentContentType(res),
              body,
            },
            {
              caller: callerOf(credentials),
              credentials: await catalogCredentialsFor(auth, credentials),
            },
          ),
        r => ({ evidenceId: r.evidenceId, duplicate: r.duplicate }),
      );
      res.status(result.duplicate ? 200 : 201).json(result);
    },
  );
}
