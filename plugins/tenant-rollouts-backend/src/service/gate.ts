import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ScorecardsClient } from '@waybill/plugin-scorecards-common';
import { pluginClientOptions } from '@waybill/plugin-waybill-node';

/** The scorecards gate's answer, as far as a rollout needs it. */
export interface GateResult {
  passed: boolean;
  decision: 'pass' | 'warn' | 'fail' | 'absent';
  message: string;
}

/** Asks whether a release may go to an environment. */
export interface GateClient {
  check(
    entityRef: string,
    version: string,
    environment: string,
  ): Promise<GateResult>;
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

  private absent(why: string): GateResult {
    const passed = this.options.whenAbsent === 'pass';
    return {
      passed,
      decision: 'absent',
      message: `The scorecards gate is not available (${why}); tenantRollouts.gate.whenScorecardsAbsent is ${this.options.whenAbsent}`,
    };
  }

  async check(
    entityRef: string,
    version: string,
    environment: string,
  ): Promise<GateResult> {
    let answer;
    try {
      answer = await this.scorecards.getGate(entityRef, version, environment);
    } catch (error) {
      if (!(error instanceof ResponseError)) {
        this.options.logger.warn(
          `Scorecards gate call failed: ${(error as Error).message}`,
        );
        return this.absent((error as Error).message);
      }
      if (error.statusCode === 404) {
        return this.absent('the scorecards plugin answered 404');
      }
      return {
        passed: false,
        decision: 'fail',
        message: `The scorecards gate answered ${
          error.statusCode
        }: ${answerText(error).slice(0, 300)}`,
      };
    }
    const decision =
      answer.decision === 'pass' || answer.decision === 'warn'
        ? answer.decision
        : 'fail';
    const reasons = (answer.reasons ?? [])
      .map(r => r.reason ?? r.title)
      .filter(Boolean)
      .slice(0, 5);
    return {
      passed: decision !== 'fail',
      decision,
      message: `The scorecards gate for ${entityRef} ${version} in ${environment} is ${decision}${
        reasons.length ? `: ${reasons.join('; ')}` : ''
      }`,
    };
  }
}
