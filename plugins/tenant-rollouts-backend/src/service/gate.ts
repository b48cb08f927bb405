import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ScorecardsClient } from '@waybill/plugin-scorecards-common';
import type { RolloutGate } from '@waybill/plugin-tenant-rollouts-common';
import { pluginClientOptions } from '@waybill/plugin-waybill-node';

/** The scorecards gate's answer, as far as a rollout needs it (the spec's `Gate`). */
export type GateResult = RolloutGate;

/**
 * Asks whether a release may go to an environment; `segments` are the tenant segments it is
 * about to be delivered to (a wave's), for waivers scoped to a segment.
 */
export interface GateClient {
  check(
    entityRef: string,
    version: string,
    environment: string,
    segments?: readonly string[],
  ): Promise<GateResult>;
}

/** Reasons a rollout keeps of a gate's answer. */
const KEPT_REASONS = 10;

/** Reasons named in a gate's message. */
const NAMED_REASONS = 5;

/**
 * A gate client asking each release and environment once, however often it is asked (also at
 * once): the gate of one read of the world. `known` answers are not asked again.
 */
export function askingOnce(
  gate: GateClient,
  ...known: GateResult[]
): GateClient {
  const key = (
    entityRef: string,
    version: string,
    environment: string,
    segments: readonly string[] = [],
  ) => JSON.stringify([entityRef, version, environment, [...segments].sort()]);
  const answers = new Map<string, Promise<GateResult>>(
    known.map(a => [
      key(a.entityRef, a.version, a.environment),
      Promise.resolve(a),
    ]),
  );
  return {
    check(entityRef, version, environment, segments = []) {
      const at = key(entityRef, version, environment, segments);
      let answer = answers.get(at);
      if (!answer) {
        answer = gate.check(entityRef, version, environment, segments);
        answers.set(at, answer);
      }
      return answer;
    },
  };
}

/** The body a failed answer carried: its text, or the Backstage error body it parsed to. */
function answerText(error: ResponseError): string {
  const { message, name } = error.body.error;
  const unparsed = `Request failed with status ${error.statusCode} ${error.statusText}`;
  if (name === 'Error' && message.startsWith(unparsed)) {
    return message.slice(unparsed.length).replace(/^, /, '');
  }
  return JSON.stringify(error.body);
}

/**
 * Asks the scorecards plugin service-to-service, through its typed client
 * (`ScorecardsClient.getGate`, with a plugin-to-plugin token). When the plugin is not installed
 * (404 at it or no answer) the gate follows `tenantRollouts.gate.whenScorecardsAbsent`.
 */
export class ScorecardsGateClient implements GateClient {
  private readonly scorecards: ScorecardsClient;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      whenAbsent: 'fail' | 'pass';
    },
  ) {
    this.scorecards = new ScorecardsClient(pluginClientOptions(options));
  }

  private absent(
    release: Pick<GateResult, 'entityRef' | 'version' | 'environment'>,
    why: string,
  ): GateResult {
    const passed = this.options.whenAbsent === 'pass';
    return {
      ...release,
      passed,
      decision: 'absent',
      message: `The scorecards gate is not available (${why}); tenantRollouts.gate.whenScorecardsAbsent is ${this.options.whenAbsent}`,
      reasons: [],
    };
  }

  async check(
    entityRef: string,
    version: string,
    environment: string,
    segments: readonly string[] = [],
  ): Promise<GateResult> {
    const release = { entityRef, version, environment };
    let answer;
    try {
      answer = await this.scorecards.getGate(entityRef, version, environment, {
        segments: [...segments],
      });
    } catch (error) {
      if (!(error instanceof ResponseError)) {
        this.options.logger.warn(
          `Scorecards gate call failed: ${(error as Error).message}`,
        );
        return this.absent(release, (error as Error).message);
      }
      if (error.statusCode === 404) {
        return this.absent(release, 'the scorecards plugin answered 404');
      }
      return {
        ...release,
        passed: false,
        decision: 'fail',
        message: `The scorecards gate answered ${
          error.statusCode
        }: ${answerText(error).slice(0, 300)}`,
        reasons: [],
      };
    }
    const decision =
      answer.decision === 'pass' || answer.decision === 'warn'
        ? answer.decision
        : 'fail';
    const reasons = (answer.reasons ?? [])
      .slice(0, KEPT_REASONS)
      .map((r): GateResult['reasons'][number] => ({
        checkId: r.checkId ?? '',
        title: r.title ?? r.checkId ?? '',
        reason: r.reason ?? '',
        enforcement: r.enforcement === 'warn' ? 'warn' : 'fail',
      }));
    const named = reasons
      .map(r => r.reason || r.title)
      .filter(Boolean)
      .slice(0, NAMED_REASONS);
    return {
      ...release,
      passed: decision !== 'fail',
      decision,
      message: `The scorecards gate for ${entityRef} ${version} in ${environment} is ${decision}${
        named.length ? `: ${named.join('; ')}` : ''
      }`,
      reasons,
    };
  }
}
