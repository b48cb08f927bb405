import express, { ErrorRequestHandler } from 'express';
import Router from 'express-promise-router';
import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, serializeError } from '@backstage/errors';
import {
  audited,
  bodyParserErrorHandler,
  parseInput,
} from '@waybill/plugin-waybill-node';
import { z } from 'zod';
import { GithubApp } from './githubApp';
import {
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from './webhookSignature';

/** What a deployment protection rule asks the gate: may this commit go to this environment. */
export interface DeploymentGateRequest {
  /** `owner/name` of the GitHub repository. */
  repository: string;
  /** The GitHub environment the workflow job targets. */
  environment: string;
  /** The commit being deployed. */
  sha: string;
  /** The branch or tag the deployment was made from. */
  ref: string;
}

/** The gate's answer, and the markdown shown on the workflow run. */
export interface DeploymentGateDecision {
  approve: boolean;
  comment: string;
}

/** What the GitHub deployment protection rule router needs. */
export interface GithubProtectionRuleOptions {
  /** The GitHub App's webhook secret: the HMAC key that authenticates each delivery. */
  webhookSecret: string;
  /** The GitHub App that reviews the deployments. */
  app: GithubApp;
  /** The gate. */
  decide(request: DeploymentGateRequest): Promise<DeploymentGateDecision>;
  /** The deliveries reviewed already (`X-GitHub-Delivery`), so a replay is refused. */
  deliveries: {
    isHandled(deliveryId: string): Promise<boolean>;
    markHandled(deliveryId: string, at: Date): Promise<void>;
  };
  logger: LoggerService;
  auditor: AuditorService;
  /** The clock. */
  now?: () => Date;
  /** A deployment created longer ago than this is refused as a stale delivery; 60 by default. */
  maxDeliveryAgeMinutes?: number;
}

/** The largest webhook body read, 1 MiB; GitHub caps its payloads at 25 MB, but these are small. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * The longest review comment sent. GitHub documents no limit for it; its other markdown fields
 * (issue and pull request comments) stop at 65536 characters.
 */
const MAX_COMMENT_CHARS = 60_000;
const DEFAULT_MAX_DELIVERY_AGE_MINUTES = 60;

const deliveryAction = z.object({ action: z.string() });

const requestedDelivery = z.object({
  environment: z.string().min(1),
  event: z.string().min(1),
  deployment_callback_url: z.url(),
  deployment: z.object({
    sha: z.string().regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/i, 'not a commit SHA'),
    ref: z.string().min(1),
    created_at: z.iso.datetime({ offset: true }),
  }),
  repository: z.object({
    full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'not owner/name'),
  }),
  installation: z.object({ id: z.number().int().positive() }),
});

type RequestedDelivery = z.infer<typeof requestedDelivery>;

/** What the router answers a reviewed deployment with. */
interface ReviewAnswer {
  state: 'approved' | 'rejected';
  environment: string;
  repository: string;
  sha: string;
}

/**
 * The webhook endpoint of a GitHub App's custom deployment protection rule, `POST /`. It reads
 * the raw body itself, so it is mounted before any JSON parser; the delivery's HMAC signature is
 * its authentication. A `deployment_protection_rule` delivery with action `requested` is decided
 * by the gate and reviewed (approved or rejected) through its callback URL; `ping` answers 200,
 * other events 202. A delivery is recorded as handled only once GitHub took the review, so a
 * failed one can be redelivered; a replayed or stale one is a 409.
 */
export function createGithubProtectionRuleRouter(
  options: GithubProtectionRuleOptions,
): express.Router {
  if (!options.webhookSecret) {
    throw new Error(
      'The GitHub deployment protection rule needs a webhook secret',
    );
  }
  const reviewRequested = createReviewer(options);
  const router = Router();
  router.post(
    '/',
    express.raw({ type: '*/*', limit: MAX_BODY_BYTES }),
    async (req, res) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      verifyWebhookSignature(
        options.webhookSecret,
        rawBody,
        req.headers[WEBHOOK_SIGNATURE_HEADER],
      );
      const event = req.header('x-github-event');
      if (!event) {
        throw new InputError('The delivery has no X-GitHub-Event header');
      }
      if (event === 'ping') {
        res.json({ ok: true });
        return;
      }
      if (event !== 'deployment_protection_rule') {
        res.status(202).json({ ignored: event });
        return;
      }
      const body = parseJson(rawBody);
      const { action } = parseInput(deliveryAction, body, 'body');
      if (action !== 'requested') {
        res.status(202).json({ ignored: `${event}.${action}` });
        return;
      }
      const delivery = parseInput(requestedDelivery, body, 'body');
      res.json(await reviewRequested(req, delivery));
    },
  );
  router.use(bodyParserErrorHandler());
  router.use(errorAnswers(options.logger));
  return router;
}

/** Decides and reviews one `requested` delivery, refusing replays and stale deliveries. */
function createReviewer(options: GithubProtectionRuleOptions) {
  const now = options.now ?? (() => new Date());
  const maxAgeMinutes =
    options.maxDeliveryAgeMinutes ?? DEFAULT_MAX_DELIVERY_AGE_MINUTES;
  const inFlight = new Set<string>();

  return async (
    req: express.Request,
    delivery: RequestedDelivery,
  ): Promise<ReviewAnswer> => {
    const deliveryId = req.header('x-github-delivery');
    if (!deliveryId) {
      throw new InputError('The delivery has no X-GitHub-Delivery header');
    }
    const createdAt = delivery.deployment.created_at;
    if (now().getTime() - Date.parse(createdAt) > maxAgeMinutes * 60_000) {
      throw new ConflictError(
        `stale delivery: the deployment was created at ${createdAt}, more than ${maxAgeMinutes} minutes ago`,
      );
    }
    if (inFlight.has(deliveryId)) {
      throw new ConflictError(`Delivery ${deliveryId} is being handled`);
    }
    inFlight.add(deliveryId);
    try {
      if (await options.deliveries.isHandled(deliveryId)) {
        throw new ConflictError(`Delivery ${deliveryId} was handled already`);
      }
      const gate: DeploymentGateRequest = {
        repository: delivery.repository.full_name,
        environment: delivery.environment,
        sha: delivery.deployment.sha,
        ref: delivery.deployment.ref,
      };
      return await audited(
        options.auditor,
        {
          eventId: 'github-deployment-review',
          request: req,
          meta: {
            deliveryId,
            ...gate,
            event: delivery.event,
            installationId: delivery.installation.id,
          },
        },
        async () => {
          const answer = await decideAndReview(options, delivery, gate);
          await options.deliveries.markHandled(deliveryId, now());
          options.logger.info(
            `Deployment of ${gate.repository}@${gate.sha} to ${gate.environment}: ${answer.state} (delivery ${deliveryId})`,
          );
          return answer;
        },
        answer => ({ state: answer.state }),
      );
    } finally {
      inFlight.delete(deliveryId);
    }
  };
}

/** Asks the gate, and sends its decision to GitHub through the delivery's callback URL. */
async function decideAndReview(
  options: GithubProtectionRuleOptions,
  delivery: RequestedDelivery,
  gate: DeploymentGateRequest,
): Promise<ReviewAnswer> {
  const decision = await options.decide(gate);
  const state = decision.approve ? 'approved' : 'rejected';
  await options.app.reviewDeployment(
    delivery.deployment_callback_url,
    delivery.installation.id,
    {
      environment_name: gate.environment,
      state,
      comment: capComment(decision.comment),
    },
  );
  return {
    state,
    environment: gate.environment,
    repository: gate.repository,
    sha: gate.sha,
  };
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new InputError('The delivery body is not JSON');
  }
}

/** A comment within GitHub's limit: one over it is cut, and says so. */
function capComment(comment: string): string {
  if (comment.length <= MAX_COMMENT_CHARS) {
    return comment;
  }
  const note = `\n\n… (cut to ${MAX_COMMENT_CHARS} of ${comment.length} characters)`;
  const cut = comment.slice(0, MAX_COMMENT_CHARS - note.length);
  // Never end on half of a surrogate pair.
  return `${cut.replace(/[\uD800-\uDBFF]$/, '')}${note}`;
}

const STATUS_OF_ERROR: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  GithubApiError: 502,
};

/**
 * Answers the errors this router raises in Backstage's error body shape, and logs each refusal:
 * GitHub shows the answer in the App's delivery log. Other errors go on to the plugin's handler.
 */
function errorAnswers(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    const statusCode = STATUS_OF_ERROR[error?.name];
    if (statusCode === undefined) {
      next(error);
      return;
    }
    logger.warn(
      `GitHub delivery ${
        req.header('x-github-delivery') ?? '(no id)'
      } answered ${statusCode}: ${error.message}`,
    );
    res.status(statusCode).json({
      error: serializeError(error),
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode },
    });
  };
}
