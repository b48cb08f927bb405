// Generated from plugins/tenant-rollouts-backend/src/schema/openapi.yaml by `yarn openapi:generate`. Do not edit: change the spec.
/* eslint-disable */

import {
  jsonBody,
  PluginClientOptions,
  PluginHttpClient,
  QueryValue,
} from '@waybill/http-client';

export interface paths {
  '/rollouts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Rollouts, newest first
     * @description Needs `tenant-rollouts.read`. Filtered by entity and by release version when given.
     */
    get: operations['listRollouts'];
    put?: never;
    /**
     * Plan a rollout of a release to the tenants that depend on the entity
     * @description Needs `tenant-rollouts.rollout.create`. A CI pipeline calling with its OIDC token may
     *     plan rollouts only of entities whose catalog entry names its repository (see
     *     `PipelineForbidden`). A body over 64 KiB gets 413.
     *
     *     The strategy is, first to last: a strategy object in the request; a strategy name in the
     *     request (`tenantRollouts.strategies`); the YAML file the released entity names in its
     *     rollout-strategy annotation (`WAYBILL_ANNOTATIONS.rolloutStrategy` of
     *     `@waybill/plugin-waybill-common`; a URL, or a path relative to the entity's
     *     source location, read through the backend's URL reader); the configured `default`; the
     *     built-in strategy. The rollout's `strategySource` says which. A strategy file that
     *     cannot be read, is not valid YAML or is not a valid strategy is a 400 naming the entity,
     *     the URL and the problem; so is a relative path on an entity registered from a `file:`
     *     location, which the URL reader cannot read.
     */
    post: operations['createRollout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rollouts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A rollout's board - wave summaries, one page of its tenants, heatmap, failure analysis, events, gate and next actions
     * @description Needs `tenant-rollouts.read`. The rollout's board, as a screen shows it: what it delivered
     *     to whom, and what can happen next (`nextActions`, each with what would block it now, and
     *     `gate`). The waves are summaries (counts per status, no tenant lists); `tenants` is one
     *     page of the tenants that match the filters (each axis, `status`, `q`, `wave`), in the
     *     plan's order, with `total` counting every match. The summaries, `axisValues`, `heatmap` and
     *     `analysis` cover every tenant the caller may read, whatever the filters. A pipeline's
     *     wave job reads a whole wave with `GET /rollouts/{id}/waves/{index}`. The answer has a weak
     *     `ETag` of the board as the caller sees it for this query (but for `evaluatedAt`): with
     *     `If-None-Match`, an unchanged board is a 304 without a body. Live boards refetch on the
     *     `tenant-rollouts:rollout:<id>` signal.
     */
    get: operations['getRollout'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rollouts/{id}/waves/{index}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One wave of a rollout, with where the rollout is, optionally only the tenants on one cloud
     * @description Needs `tenant-rollouts.read`. What a pipeline's wave job asks before it deploys: the
     *     rollout's state and current wave, and the wave's tenants (filtered by `cloud`, the
     *     tenants' cloud label, `WAYBILL_LABELS.cloud`) with their status and freeze. `total`, `healthy` and
     *     `frozen` count the whole wave (of the tenants the caller may read), whatever the filter.
     */
    get: operations['getRolloutWave'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rollouts/{id}/actions/{action}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start, advance, pause, resume, roll back or complete a rollout
     * @description Needs `tenant-rollouts.rollout.advance` (`rollback`: `tenant-rollouts.rollout.rollback`;
     *     with `override`: also `tenant-rollouts.rollout.override`). A rollback or an override
     *     needs a reason, and a person: every service principal gets 403 for them. A CI pipeline
     *     calling with its OIDC token may act only on rollouts of entities whose catalog entry
     *     names its repository (see `PipelineForbidden`). A body over 64 KiB gets 413.
     */
    post: operations['actOnRollout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rollouts/{id}/tenants/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Per-tenant deployment status from deployment tooling
     * @description Needs `tenant-rollouts.status.report`. Either `{ statuses: [{ tenant, status, detail? }] }`
     *     or CDEvents (one or an array) `service.deployed` / `service.upgraded` (healthy) and
     *     `service.rolledback` (rolled-back), the tenant being `subject.content.environment.id`.
     *     A CI pipeline calling with its OIDC token may report only on rollouts of entities whose
     *     catalog entry names its repository (see `PipelineForbidden`). A body over 12 MiB (5,000
     *     statuses with full details fit) gets 413.
     */
    post: operations['reportTenantStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/strategies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The configured rollout strategies
     * @description Needs `tenant-rollouts.read`. `default` first.
     */
    get: operations['listStrategies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/freeze-calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Freeze windows and their occurrences over the catalog's tenants
     * @description Needs `tenant-rollouts.read`. Each configured window with the number of catalog tenants
     *     its scope covers and its occurrences overlapping `[from, to)`. A window is read in each
     *     covered tenant's time zone (or its own `timeZone`): an occurrence is one local start and
     *     end, spanning from the first zone to open to the last to close.
     */
    get: operations['getFreezeCalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      request?: Record<string, unknown>;
      response: {
        statusCode?: number;
      };
    };
    /**
     * @description An entity ref; the kind defaults to `component`.
     * @example component:default/inventory
     */
    EntityRef: string;
    /** @description A CDEvents service event; its environment id names the tenant. */
    CdEvent: {
      context: {
        type: string;
      };
      subject: {
        content: {
          environment: {
            id: string;
          };
        };
      };
    };
    /**
     * @description The waves a rollout is planned in, with their defaults applied. `parseRolloutStrategy` of
     *     `@waybill/plugin-tenant-rollouts-common` reads one and checks what a schema cannot (unique
     *     wave names).
     */
    RolloutStrategy: {
      waves: components['schemas']['StrategyWave'][];
      /** @description Dedicated and/or critical-tier tenants go in a final wave of their own. */
      forceLast: ('dedicated' | 'critical')[];
    };
    StrategyWave: {
      name: string;
      select: components['schemas']['TenantSelector'];
      /** @description Take this share of the tenants the selector matches. */
      percent?: number;
      bakeMinutes: number;
      /** @description Share of the wave that must be healthy to advance. */
      healthThreshold: number;
    };
    /** @description Every listed axis must match; no axis selects every tenant. */
    TenantSelector: {
      segment?: components['schemas']['LabelValues'];
      region?: components['schemas']['LabelValues'];
      tier?: components['schemas']['LabelValues'];
      cloud?: components['schemas']['LabelValues'];
      tenancy?: ('shared' | 'dedicated')[];
      /** @description Tenant refs or names. */
      tenants?: string[];
    };
    LabelValues: string[];
    /** @description Whether a tenant may be deployed to now, and if not, by which windows and until when. */
    FreezeStatus:
      | {
          /** @enum {boolean} */
          frozen: false;
        }
      | {
          /** @enum {boolean} */
          frozen: true;
          windows: components['schemas']['ActiveFreeze'][];
          /**
           * Format: date-time
           * @description The first instant no window covers the tenant.
           */
          opensAt: string;
        };
    ActiveFreeze: {
      id: string;
      title: string;
      reason?: string;
      /**
       * Format: date-time
       * @description ISO 8601 with the offset of the zone the window is read in.
       */
      start: string;
      /** Format: date-time */
      end: string;
    };
    /** @description Whether a rollout's failures concentrate in one value of a tenant axis, with the evidence. */
    FailureAnalysis: {
      /** @enum {string} */
      verdict: 'no-failures' | 'isolated' | 'global';
      /** @description Tenants with a settled outcome (healthy or failed). */
      settled: number;
      /** @description How many of the settled failed. */
      failed: number;
      /** @description e.g. `isolated to region europe: 6 of 7 failures`. */
      summary: string;
      /** @description For `isolated`, the value the failures concentrate in. */
      isolatedTo?: components['schemas']['ValueEvidence'];
      /** @description Every value of every axis, most significant first. */
      evidence: components['schemas']['ValueEvidence'][];
    };
    /** @description How a tenant axis value's failures compare with the rest of the rollout's. */
    ValueEvidence: {
      /** @enum {string} */
      axis: 'segment' | 'region' | 'tier' | 'cloud';
      value: string;
      failed: number;
      settled: number;
      failedElsewhere: number;
      settledElsewhere: number;
      /** @description One-sided Fisher exact test of this many failures here or more. */
      pValue: number;
      /** @description `pValue` adjusted for testing every value of every axis (Westfall-Young). */
      adjustedPValue: number;
    };
    /** @description Which tenants a freeze window covers; every listed axis must match, none covers all. */
    FreezeScope: {
      region?: components['schemas']['NonEmptyStrings'];
      segment?: components['schemas']['NonEmptyStrings'];
      tier?: components['schemas']['NonEmptyStrings'];
      tenants?: components['schemas']['NonEmptyStrings'];
    };
    NonEmptyStrings: string[];
    /** @description When a window applies, in the wall-clock time of each tenant (or of the window's `timeZone`). */
    FreezeSchedule:
      | {
          /** @enum {string} */
          kind: 'one-off';
          start: components['schemas']['LocalDateTime'];
          end: components['schemas']['LocalDateTime'];
        }
      | {
          /** @enum {string} */
          kind: 'weekly';
          days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
          from: components['schemas']['Clock'];
          /** @description Equal to or before `from`, the window ends the next day. */
          to: components['schemas']['Clock'];
        }
      | {
          /** @enum {string} */
          kind: 'yearly';
          from: components['schemas']['MonthDay'];
          /** @description Inclusive; before `from`, the season spans new year. */
          to: components['schemas']['MonthDay'];
        }
      | {
          /** @enum {string} */
          kind: 'quarter-close';
          lastDays: number;
          firstDays: number;
        };
    /** @description A local date and time, e.g. `2026-12-24T06:00`. */
    LocalDateTime: string;
    /** @description A 24-hour local time, e.g. `16:30`. */
    Clock: string;
    /** @description A month and day, e.g. `11-20`. */
    MonthDay: string;
    /** @enum {string} */
    RolloutState:
      | 'planned'
      | 'running'
      | 'paused'
      | 'rolled-back'
      | 'completed';
    /** @enum {string} */
    TenantStatus:
      | 'pending'
      | 'deploying'
      | 'healthy'
      | 'degraded'
      | 'failed'
      | 'rolled-back';
    /**
     * @description What a person, a tool or the scheduler can do to a rollout, in lifecycle order.
     * @enum {string}
     */
    RolloutAction:
      | 'start'
      | 'advance'
      | 'pause'
      | 'resume'
      | 'rollback'
      | 'complete';
    /**
     * @description What stands in the way of an action now: the scorecards gate, the current wave's health
     *     or bake time, or freeze windows over the next wave's tenants. `message` says it in one
     *     sentence, with titles, for logs and pipelines; the other fields say it in parts, for a
     *     view that writes times in its reader's zone and links to what it names.
     */
    Blocker:
      | components['schemas']['GateBlocker']
      | components['schemas']['HealthBlocker']
      | components['schemas']['BakeBlocker']
      | components['schemas']['FreezeBlocker'];
    /** @description The scorecards gate does not let the release into the environment. */
    GateBlocker: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'gate';
      message: string;
      gate: components['schemas']['Gate'];
    };
    /**
     * @description Too few of the current wave's tenants are healthy. `healthy`, `total`, `needed` and
     *     `failing` count every tenant of the wave; `tenants` lists the first 20 of the failing ones
     *     the reader may read, and `unlisted` counts the rest of those. The others of `failing`
     *     (`failing` - `tenants` - `unlisted`) are tenants the reader may not read.
     */
    HealthBlocker: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'health';
      message: string;
      wave: components['schemas']['WaveRef'];
      healthy: number;
      total: number;
      /** @description How many healthy tenants the wave's health threshold asks for. */
      needed: number;
      healthThreshold: number;
      /** @description Tenants failed, degraded or rolled back; the others not healthy are still pending or deploying. */
      failing: number;
      tenants: {
        ref: string;
        title: string;
        status: components['schemas']['TenantStatus'];
        detail: string | null;
      }[];
      /** @description Failing tenants the reader may read that `tenants` leaves out (it lists 20 at most). */
      unlisted: number;
    };
    /** @description The current wave has not baked yet; it has at `until`. */
    BakeBlocker: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'bake';
      message: string;
      wave: components['schemas']['WaveRef'];
      bakeMinutes: number;
      /**
       * Format: date-time
       * @description The wave's last status change, from which it bakes.
       */
      lastChangeAt: string;
      /** Format: date-time */
      until: string;
    };
    /**
     * @description Tenants of the wave the action starts are in a freeze window. `frozen` and `opensAt`
     *     cover every one of them; `tenants` lists the first 20 of those the reader may read, and
     *     `unlisted` counts the rest of those. The others of `frozen` (`frozen` - `tenants` -
     *     `unlisted`) are tenants the reader may not read.
     */
    FreezeBlocker: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'freeze';
      message: string;
      wave: components['schemas']['WaveRef'];
      frozen: number;
      /**
       * Format: date-time
       * @description When the last of them opens, and the wave can go as a whole.
       */
      opensAt: string;
      tenants: {
        ref: string;
        title: string;
        windows: {
          id: string;
          title: string;
          /** Format: date-time */
          start: string;
          /** Format: date-time */
          end: string;
        }[];
        /** Format: date-time */
        opensAt: string;
      }[];
      /** @description Frozen tenants the reader may read that `tenants` leaves out (it lists 20 at most). */
      unlisted: number;
    };
    /** @description A wave of the rollout's plan. */
    WaveRef: {
      index: number;
      name: string;
    };
    /**
     * @description The scorecards gate for the rollout's release and environment, as the rollout asked it
     *     (`ScorecardsClient.getGate`). `absent`: the scorecards plugin did not answer, and
     *     `passed` is what `tenantRollouts.gate.whenScorecardsAbsent` says. The release's
     *     scorecard is the entity's scorecards tab, on the release `version`.
     */
    Gate: {
      entityRef: string;
      version: string;
      environment: string;
      /** @enum {string} */
      decision: 'pass' | 'warn' | 'fail' | 'absent';
      /** @description Whether the gate lets the release in (`pass` and `warn` do). */
      passed: boolean;
      message: string;
      /** @description The checks behind the decision, blocking ones first; at most ten. */
      reasons: {
        checkId: string;
        title: string;
        reason: string;
        /**
         * @description `fail` blocks the gate, `warn` only warns.
         * @enum {string}
         */
        enforcement: 'fail' | 'warn';
      }[];
    };
    /**
     * @description An action the rollout's state allows now, and whether the world does: `blockers` are
     *     what the action would be refused on if it were taken at `evaluatedAt` (the same checks
     *     the action runs; a 409 carries them), empty when it can succeed. Who may take it is the
     *     permissions' business, not this answer's.
     */
    NextAction: {
      action: components['schemas']['RolloutAction'];
      /** @description The wave the action deploys (`start`, `advance`). */
      wave?: components['schemas']['WaveRef'];
      /** @description Nothing blocks it. */
      ready: boolean;
      blockers: components['schemas']['Blocker'][];
    };
    /** @description What every answer about a rollout says of it, in its list and on its own. */
    RolloutHeader: {
      id: number;
      entityRef: string;
      version: string;
      environment: string;
      state: components['schemas']['RolloutState'];
      /** @description Index of the wave being deployed */
      currentWave: number;
      /** @description Bumped by every action */
      lockVersion: number;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /**
     * @description Where a rollout is in its state machine: what a 409 carries, and an applied action
     *     answers (with `updatedAt`).
     */
    RolloutPosition: {
      id: number;
      state: components['schemas']['RolloutState'];
      /** @description Index of the wave being deployed */
      currentWave: number;
      /** @description Bumped by every action */
      lockVersion: number;
    };
    /**
     * @description An applied action: the rollout's position after it, the action, and what an override
     *     went past. Small whatever the rollout's size; the board is `GET /rollouts/{id}`.
     */
    RolloutActionResult: {
      rollout: components['schemas']['RolloutPosition'] & {
        /**
         * Format: date-time
         * @description When the action was applied.
         */
        updatedAt: string;
      };
      action: components['schemas']['RolloutAction'];
      /**
       * @description The blockers an override went past, each as `kind: message`; empty without an
       *     override, or when nothing blocked the action.
       */
      overridden: string[];
    };
    RolloutSummary: components['schemas']['RolloutHeader'] & {
      waveCount: number;
      tenantCount: number;
    };
    Rollout: components['schemas']['RolloutHeader'] & {
      strategy: components['schemas']['RolloutStrategy'];
      /**
       * @description Where the strategy came from: `request`, `config:<name>` (named in the request, or
       *     `config:default`), `built-in`, or the URL of the entity's strategy file
       *     (its rollout-strategy annotation). Absent for rollouts planned before it was recorded.
       * @example https://github.com/meridian/inventory/blob/main/deploy/rollout.yaml
       */
      strategySource?: string;
      /**
       * Format: date-time
       * @description When the tenants' freeze status, the gate and the next actions were evaluated.
       */
      evaluatedAt: string;
      /** @description Every wave, summarized over the tenants the caller may read. */
      waves: components['schemas']['WaveSummary'][];
      /** @description The page of the tenants matching the query, in the plan's order (wave by wave). */
      tenants: {
        items: components['schemas']['BoardTenant'][];
        /** @description How many tenants match the query. */
        total: number;
        offset: number;
        limit: number;
      };
      /** @description The values each tenant axis takes among the tenants the caller may read, sorted; what the filters offer. */
      axisValues: {
        segment: string[];
        region: string[];
        tier: string[];
        cloud: string[];
      };
      /** @description Every tenant the caller may read, counted once in its region and tier. */
      heatmap: components['schemas']['HeatCell'][];
      analysis: components['schemas']['FailureAnalysis'];
      /**
       * @description What the rollout's state allows now (the buttons of its board), in the state machine's
       *     order, each with what would block it: the current wave's health and bake time
       *     (`advance`, `complete`), freeze windows over the wave it deploys and the gate
       *     (`start`, `advance`). Empty once the rollout is completed or rolled back.
       */
      nextActions: components['schemas']['NextAction'][];
      /**
       * @description The scorecards gate of the release in the environment, asked once per answer while
       *     the rollout can still deploy a wave (planned, running or paused); absent once it is
       *     completed or rolled back.
       */
      gate?: components['schemas']['Gate'];
      events: {
        id: number;
        action: components['schemas']['RolloutAction'];
        fromState: components['schemas']['RolloutState'];
        toState: components['schemas']['RolloutState'];
        waveIndex: number;
        actor: string;
        reason: string | null;
        override: boolean;
        /** Format: date-time */
        occurredAt: string;
      }[];
    };
    /**
     * @description A tenant status, or `frozen` for the tenants in a freeze window now.
     * @enum {string}
     */
    BoardStatusFilter:
      | 'pending'
      | 'deploying'
      | 'healthy'
      | 'degraded'
      | 'failed'
      | 'rolled-back'
      | 'frozen';
    /** @description The tenants of one region and tier, by outcome. */
    HeatCell: {
      region: string;
      tier: string;
      total: number;
      healthy: number;
      /** @description Failed, degraded or rolled back. */
      failed: number;
      /** @description Pending or deploying. */
      unsettled: number;
    };
    /** @description A wave of the plan and how its tenants (those the caller may read) stand. */
    WaveSummary: {
      index: number;
      name: string;
      bakeMinutes: number;
      healthThreshold: number;
      /** @enum {string} */
      phase: 'done' | 'current' | 'upcoming';
      total: number;
      healthy: number;
      /** @description Tenants frozen now */
      frozen: number;
      /** Format: date-time */
      lastChangeAt: string | null;
      /** @description Tenants per status. */
      counts: {
        pending: number;
        deploying: number;
        healthy: number;
        degraded: number;
        failed: number;
        'rolled-back': number;
      };
    };
    /** @description A tenant on the board - where it is in the plan, its status and whether it is frozen now. */
    BoardTenant: {
      ref: string;
      title: string;
      segment: string;
      region: string;
      tier: string;
      cloud: string;
      /** @enum {string} */
      tenancy: 'shared' | 'dedicated';
      timeZone: string;
      /** @description The index of the tenant's wave */
      wave: number;
      /**
       * @description Why the planner put the tenant in its wave
       * @enum {string}
       */
      placement: 'selected' | 'percentage' | 'remainder' | 'forced-last';
      status: components['schemas']['TenantStatus'];
      detail: string | null;
      /** Format: date-time */
      updatedAt: string;
      freeze: components['schemas']['FreezeStatus'];
    };
    /** @description A wave's summary with every one of its tenants (of those the caller may read). */
    Wave: components['schemas']['WaveSummary'] & {
      tenants: components['schemas']['BoardTenant'][];
    };
    RolloutWave: {
      rollout: {
        id: number;
        entityRef: string;
        version: string;
        environment: string;
        state: components['schemas']['RolloutState'];
        currentWave: number;
        lockVersion: number;
      };
      wave: components['schemas']['Wave'];
    };
  };
  responses: {
    /** @description A Backstage error. */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /**
     * @description A missing permission, a caller that may not act for the rollout's entity, or a service
     *     principal asking for an override or a rollback. A pipeline (a service principal
     *     `pipeline:github:<owner>/<name>` or `pipeline:gitlab:<group>/<project>`, from
     *     `backend.auth.externalAccess` type `waybill-pipeline`) may act only on rollouts of
     *     entities whose catalog entry names its repository in `github.com/project-slug` or
     *     `gitlab.com/project-slug`, read from the catalog; a pipeline whose token named no
     *     repository, and a token of any other external issuer (`external:...`), may act on none.
     *     Overrides and rollbacks are made by people only. The message says which.
     */
    PipelineForbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The rollout's state or the world does not allow this now. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'] & {
          rollout: components['schemas']['RolloutPosition'];
          blockers: components['schemas']['Blocker'][];
        };
      };
    };
  };
  parameters: {
    id: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listRollouts: {
    parameters: {
      query?: {
        /** @description An entity ref, e.g. `component:default/inventory` (its `:` and `/` may be sent as they are). */
        entityRef?: components['schemas']['EntityRef'];
        /** @description Only rollouts of this release version, e.g. `5.2.0` (a scorecard links to its release's rollouts with it). */
        version?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rollouts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RolloutSummary'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
    };
  };
  createRollout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          entityRef: components['schemas']['EntityRef'];
          version: string;
          environment: string;
          /**
           * @description A strategy name from `tenantRollouts.strategies`, or a strategy. Without it,
           *     the strategy file the entity names in its rollout-strategy annotation, else
           *     the configured `default`, else the built-in strategy.
           */
          strategy?: string | Record<string, unknown>;
        };
      };
    };
    responses: {
      /** @description The planned rollout. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Rollout'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['PipelineForbidden'];
      413: components['responses']['Error'];
    };
  };
  getRollout: {
    parameters: {
      query?: {
        /** @description Only tenants of this segment. */
        segment?: string;
        /** @description Only tenants of this region. */
        region?: string;
        /** @description Only tenants of this tier. */
        tier?: string;
        /** @description Only tenants on this cloud. */
        cloud?: string;
        /** @description Only tenants with this status, or (`frozen`) those in a freeze window now. */
        status?: components['schemas']['BoardStatusFilter'];
        /** @description Only tenants whose title or ref contains this, case-insensitively (a ref's `:` and `/` may be sent as they are). */
        q?: string;
        /** @description Only the tenants of this wave (its index, from 0). */
        wave?: number;
        /** @description How many matching tenants to skip. */
        offset?: number;
        /** @description How many matching tenants to answer. */
        limit?: number;
      };
      header?: {
        /** @description The `ETag` of the board the caller holds. */
        'If-None-Match'?: string;
      };
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rollout's board. */
      200: {
        headers: {
          /** @description Weak; the same for an unchanged board and query. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Rollout'];
        };
      };
      /** @description The board is unchanged since the `If-None-Match` ETag. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
  getRolloutWave: {
    parameters: {
      query?: {
        /** @description Only the tenants on this cloud (aws, azure, gcp, private, ...). */
        cloud?: string;
      };
      header?: never;
      path: {
        id: components['parameters']['id'];
        /** @description The wave's position in the plan, from 0. */
        index: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The wave. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RolloutWave'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
  actOnRollout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
        action: components['schemas']['RolloutAction'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @default false */
          override?: boolean;
          /** @description Why; an override and a rollback need one, at least 10 characters once trimmed. */
          reason?: string;
        };
      };
    };
    responses: {
      /**
       * @description The action was applied: where the rollout is now (the position a 409 carries too), not
       *     its board. Boards learn of the change from the rollout's signal and read it again;
       *     a caller that wants the board reads `GET /rollouts/{id}`.
       */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RolloutActionResult'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['PipelineForbidden'];
      404: components['responses']['Error'];
      409: components['responses']['Conflict'];
      413: components['responses']['Error'];
    };
  };
  reportTenantStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              statuses: {
                tenant: string;
                status: components['schemas']['TenantStatus'];
                detail?: string;
              }[];
            }
          | components['schemas']['CdEvent']
          | components['schemas']['CdEvent'][];
      };
    };
    responses: {
      /** @description How many tenant rows changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            rolloutId: number;
            updated: number;
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['PipelineForbidden'];
      404: components['responses']['Error'];
      409: components['responses']['Conflict'];
      413: components['responses']['Error'];
    };
  };
  listStrategies: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The strategies by name. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              name: string;
              strategy: components['schemas']['RolloutStrategy'];
            }[];
          };
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
    };
  };
  getFreezeCalendar: {
    parameters: {
      query?: {
        /** @description ISO 8601 instant with an offset; default now. */
        from?: string;
        /** @description ISO 8601 instant with an offset; default 90 days after `from`, at most 400 days after it. */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The calendar. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            windows: {
              id: string;
              title: string;
              reason?: string;
              timeZone?: string;
              scope: components['schemas']['FreezeScope'];
              schedule: components['schemas']['FreezeSchedule'];
              tenants: number;
              occurrences: {
                localStart: string;
                localEnd: string;
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string;
                zones: string[];
                tenants: number;
              }[];
            }[];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
    };
  };
}

/** The values of the spec's `RolloutState`, in its order. */
export const RolloutStateValues = [
  'planned',
  'running',
  'paused',
  'rolled-back',
  'completed',
] as const satisfies readonly components['schemas']['RolloutState'][];

/** The values of the spec's `TenantStatus`, in its order. */
export const TenantStatusValues = [
  'pending',
  'deploying',
  'healthy',
  'degraded',
  'failed',
  'rolled-back',
] as const satisfies readonly components['schemas']['TenantStatus'][];

/** The values of the spec's `RolloutAction`, in its order. */
export const RolloutActionValues = [
  'start',
  'advance',
  'pause',
  'resume',
  'rollback',
  'complete',
] as const satisfies readonly components['schemas']['RolloutAction'][];

/** The values of the spec's `BoardStatusFilter`, in its order. */
export const BoardStatusFilterValues = [
  'pending',
  'deploying',
  'healthy',
  'degraded',
  'failed',
  'rolled-back',
  'frozen',
] as const satisfies readonly components['schemas']['BoardStatusFilter'][];

type JsonOf<T> = T extends { content: { 'application/json': infer B } }
  ? B
  : never;
/** The JSON body of an operation's 2xx answer. */
export type ResponseOf<Op> = Op extends { responses: infer R }
  ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]>
  : never;
/** The JSON request body of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: infer B }
  ? JsonOf<NonNullable<B>>
  : never;
/** The path parameters of an operation. */
export type PathOf<Op> = Op extends { parameters: { path: infer P } }
  ? P
  : never;
/** The query parameters of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;
/** A query as the validating router hands it on: the parameters with a default are present. */
export type WithDefaults<Q, K extends keyof Q> = Q & Required<Pick<Q, K>>;

/** The API's schemas, by name. */
export type TenantRolloutsSchemas = components['schemas'];

/** The API's operations, by operationId. */
export type TenantRolloutsOperations = operations;

/** Every endpoint of the API as `@backstage/backend-openapi-utils`'s typed router reads it. */
export type TenantRolloutsEndpointMap = {
  '#get|/rollouts': {
    response: ResponseOf<operations['listRollouts']>;
    query: WithDefaults<QueryOf<operations['listRollouts']>, 'limit'>;
  };
  '#post|/rollouts': {
    response: ResponseOf<operations['createRollout']>;
    body: BodyOf<operations['createRollout']>;
  };
  '#get|/rollouts/{id}': {
    response: ResponseOf<operations['getRollout']>;
    path: PathOf<operations['getRollout']>;
    query: WithDefaults<QueryOf<operations['getRollout']>, 'offset' | 'limit'>;
  };
  '#get|/rollouts/{id}/waves/{index}': {
    response: ResponseOf<operations['getRolloutWave']>;
    path: PathOf<operations['getRolloutWave']>;
    query: QueryOf<operations['getRolloutWave']>;
  };
  '#post|/rollouts/{id}/actions/{action}': {
    response: ResponseOf<operations['actOnRollout']>;
    path: PathOf<operations['actOnRollout']>;
    body: BodyOf<operations['actOnRollout']>;
  };
  '#post|/rollouts/{id}/tenants/status': {
    response: ResponseOf<operations['reportTenantStatus']>;
    path: PathOf<operations['reportTenantStatus']>;
    body: BodyOf<operations['reportTenantStatus']>;
  };
  '#get|/strategies': { response: ResponseOf<operations['listStrategies']> };
  '#get|/freeze-calendar': {
    response: ResponseOf<operations['getFreezeCalendar']>;
    query: QueryOf<operations['getFreezeCalendar']>;
  };
};

/**
 * The typed client of the tenant-rollouts backend, one method per operation of its spec. A
 * non-2xx answer throws a ResponseError carrying the server's reason.
 */
export class TenantRolloutsApiClient {
  private readonly http: PluginHttpClient;

  constructor(options: PluginClientOptions) {
    this.http = new PluginHttpClient('tenant-rollouts', options);
  }

  /** Rollouts, newest first (`GET /rollouts`). */
  listRollouts(
    request: { query?: QueryOf<operations['listRollouts']> } = {},
  ): Promise<ResponseOf<operations['listRollouts']>> {
    return this.http.json<ResponseOf<operations['listRollouts']>>(
      `/rollouts`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** Plan a rollout of a release to the tenants that depend on the entity (`POST /rollouts`). */
  createRollout(request: {
    body: BodyOf<operations['createRollout']>;
  }): Promise<ResponseOf<operations['createRollout']>> {
    return this.http.json<ResponseOf<operations['createRollout']>>(
      `/rollouts`,
      jsonBody('POST', request.body),
    );
  }

  /** A rollout's board - wave summaries, one page of its tenants, heatmap, failure analysis, events, gate and next actions (`GET /rollouts/{id}`). */
  getRollout(request: {
    path: PathOf<operations['getRollout']>;
    query?: QueryOf<operations['getRollout']>;
  }): Promise<ResponseOf<operations['getRollout']>> {
    return this.http.json<ResponseOf<operations['getRollout']>>(
      `/rollouts/${encodeURIComponent(String(request.path.id))}`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** One wave of a rollout, with where the rollout is, optionally only the tenants on one cloud (`GET /rollouts/{id}/waves/{index}`). */
  getRolloutWave(request: {
    path: PathOf<operations['getRolloutWave']>;
    query?: QueryOf<operations['getRolloutWave']>;
  }): Promise<ResponseOf<operations['getRolloutWave']>> {
    return this.http.json<ResponseOf<operations['getRolloutWave']>>(
      `/rollouts/${encodeURIComponent(
        String(request.path.id),
      )}/waves/${encodeURIComponent(String(request.path.index))}`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** Start, advance, pause, resume, roll back or complete a rollout (`POST /rollouts/{id}/actions/{action}`). */
  actOnRollout(request: {
    path: PathOf<operations['actOnRollout']>;
    body?: BodyOf<operations['actOnRollout']>;
  }): Promise<ResponseOf<operations['actOnRollout']>> {
    return this.http.json<ResponseOf<operations['actOnRollout']>>(
      `/rollouts/${encodeURIComponent(
        String(request.path.id),
      )}/actions/${encodeURIComponent(String(request.path.action))}`,
      jsonBody('POST', request.body),
    );
  }

  /** Per-tenant deployment status from deployment tooling (`POST /rollouts/{id}/tenants/status`). */
  reportTenantStatus(request: {
    path: PathOf<operations['reportTenantStatus']>;
    body: BodyOf<operations['reportTenantStatus']>;
  }): Promise<ResponseOf<operations['reportTenantStatus']>> {
    return this.http.json<ResponseOf<operations['reportTenantStatus']>>(
      `/rollouts/${encodeURIComponent(String(request.path.id))}/tenants/status`,
      jsonBody('POST', request.body),
    );
  }

  /** The configured rollout strategies (`GET /strategies`). */
  listStrategies(
    _request: Record<string, never> = {},
  ): Promise<ResponseOf<operations['listStrategies']>> {
    return this.http.json<ResponseOf<operations['listStrategies']>>(
      `/strategies`,
      { method: 'GET' },
    );
  }

  /** Freeze windows and their occurrences over the catalog's tenants (`GET /freeze-calendar`). */
  getFreezeCalendar(
    request: { query?: QueryOf<operations['getFreezeCalendar']> } = {},
  ): Promise<ResponseOf<operations['getFreezeCalendar']>> {
    return this.http.json<ResponseOf<operations['getFreezeCalendar']>>(
      `/freeze-calendar`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }
}
