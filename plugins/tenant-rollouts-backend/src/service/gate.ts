import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';

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

/**
 * Calls the scorecards plugin service-to-service:
 * GET /entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}.
 * When the plugin is not installed (404 at its base or no answer) the gate follows
 * `tenantRollouts.gate.whenScorecardsAbsent`.
 */
export class ScorecardsGateClient implements GateClient {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      whenAbsent: 'fail' | 'pass';
      fetch?: typeof fetch;
    },
  ) {}

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
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      const baseUrl = await this.options.discovery.getBaseUrl('scorecards');
      const { token } = await this.options.auth.getPluginRequestToken({
        onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
        targetPluginId: 'scorecards',
      });
      const path = [kind, namespace, name].map(encodeURIComponent).join('/');
      response = await doFetch(
        `${baseUrl}/entities/${path}/releases/${encodeURIComponent(
          version,
        )}/gates/${encodeURIComponent(environment)}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
    } catch (error) {
      this.options.logger.warn(
        `Scorecards gate call failed: ${(error as Error).message}`,
      );
      return this.absent((error as Error).message);
    }
    if (response.status === 404) {
      return this.absent('the scorecards plugin answered 404');
    }
    if (!response.ok) {
      return {
        passed: false,
        decision: 'fail',
        message: `The scorecards gate answered ${response.status}: ${(
          await response.text()
        ).slice(0, 300)}`,
      };
    }
    const body = (await response.json()) as {
      decision?: string;
      reasons?: Array<{ title?: string; reason?: string }>;
    };
    const decision =
      body.decision === 'pass' || body.decision === 'warn'
        ? body.decision
        : 'fail';
    const reasons = (body.reasons ?? [])
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
