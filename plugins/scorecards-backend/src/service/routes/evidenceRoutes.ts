import { InputError } from '@backstage/errors';
import {
  EVIDENCE_KINDS,
  scorecardsEvidenceUploadPermission,
} from '@waybill/plugin-scorecards-common';
import {
  audited,
  callerOf,
  catalogCredentialsFor,
  parseInput,
} from '@waybill/plugin-waybill-node';
import express from 'express';
import { z } from 'zod';
import { RouteContext } from './context';
import { releaseKeyFromParams } from './releaseKey';

const uploadQuery = z
  .object({
    commit: z.string().max(255).optional(),
    pipelineUrl: z
      .string()
      .url()
      .regex(/^https?:\/\//i, 'expected an http(s) URL of the pipeline run')
      .optional(),
    environment: z.string().max(255).optional(),
  })
  .strict();

/** Evidence: a pipeline uploads one file of a release's evidence, which is stored and scored. */
export function registerEvidenceRoutes(
  router: express.Router,
  context: RouteContext,
): void {
  const { scorecards, authorize, auditor, auth } = context;
  router.post(
    '/entities/:kind/:namespace/:name/releases/:version/evidence/:evidenceKind',
    express.raw({ type: () => true, limit: context.maxUploadBytes }),
    async (req, res) => {
      const credentials = await authorize(
        req,
        scorecardsEvidenceUploadPermission,
      );
      const key = releaseKeyFromParams(req.params);
      const kind = parseInput(
        z.enum(EVIDENCE_KINDS),
        req.params.evidenceKind,
        'evidenceKind',
      );
      const query = parseInput(uploadQuery, req.query, 'query');
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new InputError(
          'The request body is empty; send the evidence file as the body',
        );
      }
      const result = await audited(
        auditor,
        { eventId: 'evidence-upload', request: req, meta: { ...key, kind } },
        async () =>
          scorecards.uploadEvidence(
            {
              ...key,
              ...query,
              kind,
              contentType: req.headers['content-type'],
              body: req.body,
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
