// Generated from plugins/scorecards-backend/src/schema/openapi.yaml by `yarn openapi:generate`. Do not edit: change the spec.
/* eslint-disable */

import {
  jsonBody,
  PluginClientOptions,
  PluginHttpClient,
  QueryValue,
} from '@waybill/http-client';

export interface paths {
  '/entities/{kind}/{namespace}/{name}/releases/{version}/evidence/{evidenceKind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload one evidence file for a release
     * @description Send the file as it is, as the request body. The release is created by its first upload.
     *     The format is told from the body (`<` is XML, `TN:`/`SF:` is LCOV, `{` is JSON); the
     *     Content-Type must fit it (a type listed below for that format, or
     *     `application/octet-stream` for any).
     *
     *     | evidenceKind   | formats                                  |
     *     | -------------- | ---------------------------------------- |
     *     | `tests`        | JUnit XML                                |
     *     | `coverage`     | Cobertura XML or LCOV                    |
     *     | `security`     | SARIF 2.1.0 JSON                         |
     *     | `dependencies` | CycloneDX 1.4–1.6 JSON (not XML)         |
     *     | `readiness`    | Waybill readiness JSON (ReadinessDocument) |
     *     | `signature`    | Sigstore bundle (v0.1–0.3) or DSSE envelope, holding an in-toto Statement |
     *     | `provenance`   | SLSA provenance v1 in a Sigstore bundle or a DSSE envelope |
     *
     *     `signature` and `provenance` are verified before anything is stored: the signature
     *     against the trust in `scorecards.trust` (a configured public key, or a certificate from a
     *     Sigstore trusted root whose identity and issuer match the entity's repository), and the
     *     statement's subject against the release's artifact digest (`artifactDigest` of this
     *     upload or an earlier one). A bundle that does not verify gets 400 naming why. Message
     *     signature bundles (`cosign sign-blob`) sign a file Waybill does not hold and are refused:
     *     upload an attestation (`cosign attest-blob --new-bundle-format`, `actions/attest-build-provenance`).
     *
     *     Uploading the same bytes again for the same release and kind is idempotent: the answer is
     *     200 with `duplicate: true` and the stored evaluation. A new file of a kind replaces the
     *     release's current evidence of that kind and the release is scored again. A file that does
     *     not parse stores nothing and gets 400 naming the problem (line and column for XML).
     *
     *     The entity must exist in the catalog. Requires `scorecards.evidence.upload`.
     *
     *     ```sh
     *     curl -X POST -H "Authorization: Bearer $WAYBILL_CI_TOKEN" \
     *       -H 'Content-Type: application/xml' --data-binary @junit.xml \
     *       "$WAYBILL_BASE_URL/api/scorecards/entities/component/default/inventory/releases/4.2.0/evidence/tests?commit=$GITHUB_SHA"
     *     ```
     */
    post: operations['uploadEvidence'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record delivery events for DORA
     * @description Deployments, rollbacks, incidents and merged changes, as Waybill JSON or as CDEvents
     *     (v0.4, any `0.x` version of `service.deployed`, `service.upgraded`, `service.rolledback`,
     *     `incident.detected`, `incident.resolved`, `change.merged`). The body is one event, an
     *     array of events (Waybill and CDEvents may be mixed; an element with a `context` is read
     *     as a CDEvent), or `{ "events": [...] }` with such an array.
     *
     *     Sending an event twice is harmless: events are unique by `source` and `id` (for
     *     CDEvents `context.source` and `context.id`); a Waybill event without an `id` gets one
     *     derived from its content. Every event's entity must exist in the catalog, otherwise
     *     nothing is stored and the answer is 400 listing the unknown refs. Send the body as
     *     `application/json`. Requires `scorecards.evidence.upload`.
     */
    post: operations['recordDeliveryEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/releases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An entity's releases, newest first
     * @description Every release of the entity that has evidence, with its stored score and grade and its
     *     gate per environment (the policy's decision and the one after active overrides). An
     *     entity without releases, or unknown to the catalog, has an empty list; one the user may
     *     not read in the catalog gets 404. Requires `scorecards.release.read`.
     */
    get: operations['listReleases'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/releases/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A release's scorecard
     * @description The release's current evidence (the latest upload of each kind), its stored evaluation
     *     with every check's result, and every override ever made, expired ones included.
     *     Requires `scorecards.release.read`.
     */
    get: operations['getRelease'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * May this release be promoted to this environment?
     * @description Answers from the stored evaluation. `decision` is what a deployment job acts on: `pass`
     *     (promote), `warn` (promote, with warnings) or `fail` (block). An active override turns
     *     `warn` or `fail` into `pass`; `policyDecision` is the policy's decision alone. `reasons`
     *     lists the failing or missing checks behind the decision, blocking ones first, each with
     *     a fix hint.
     *
     *     A release without evidence is not promotable: the answer is 200 with `decision: fail`,
     *     no reasons, and null `score` and `grade`. An environment that is not one of
     *     `scorecards.environments` gets 400. Requires `scorecards.release.read`.
     *
     *     ```sh
     *     decision=$(curl -fsS -H "Authorization: Bearer $WAYBILL_CI_TOKEN" \
     *       "$WAYBILL_BASE_URL/api/scorecards/entities/component/default/inventory/releases/4.2.0/gates/production" \
     *       | jq -r .decision)
     *     [ "$decision" != fail ] || exit 1
     *     ```
     */
    get: operations['getGate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Let a release through one environment's gate until a time
     * @description Records who let the release through, why and until when; the gate answers `pass` until
     *     `expiresAt` or until the override is revoked. `expiresAt` may be at most
     *     `scorecards.overrides.maxDurationDays` days away (14 by default; the release's
     *     `maxOverrideDays` says how many): a later one gets 400 naming the limit. Overrides are
     *     never deleted: they stay on the release's record after they expire or are revoked. The
     *     action is audited. Requires `scorecards.gate.override` and a person signed in to the
     *     portal (403 for a service principal); the actor is the user entity ref.
     */
    post: operations['overrideGate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides/{overrideId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End a gate override before it expires
     * @description Ends an active override now: the gate answers from the policy again (or from another
     *     active override of the environment). The override stays on the release's record with
     *     `revokedAt`, `revokedBy` and `revokeReason`. An override that is not one of this
     *     release's overrides in this environment gets 404; one already revoked or expired gets
     *     409. The action is audited. Requires `scorecards.gate.override` and a person signed in
     *     to the portal (403 for a service principal); `revokedBy` is the user entity ref.
     */
    post: operations['revokeGateOverride'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portfolio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every entity's latest release, filtered, sorted and paged
     * @description One item per entity that has releases: its latest release's score, grade, gate decisions
     *     (`gates`, the policy's; `effectiveGates`, after the overrides active now, as the release's
     *     own page shows them) and the checks that fail or lack evidence. Filters combine with AND;
     *     `gate` filters on the policy's decisions.
     *     Page with `cursor`: pass the previous page's `nextCursor` with the same filters and
     *     sort; the last page has no `nextCursor`. Requires `scorecards.release.read`.
     */
    get: operations['getPortfolio'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portfolio/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How the matching entities spread over grades and gate decisions
     * @description For the entities `/portfolio` would list with the same filters: how many have each grade,
     *     and per gated environment how many have each gate decision (the policy's, before
     *     overrides, as `gates` of `/portfolio` items and the `gate` filter read them). Every
     *     grade, environment and decision is present, zeros included. Requires
     *     `scorecards.release.read`.
     */
    get: operations['getPortfolioSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/portfolio.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The whole portfolio as CSV
     * @description Every matching entity, not one page, one row per entity in the order of `sort`, as an
     *     attachment `waybill-portfolio.csv`. Columns: `entity`, `title`, `owner`, `system`,
     *     `tier`, `business_processes` (space-separated), `version`, `released_at`, `score`,
     *     `grade`, `gates` (`environment:decision`, space-separated), `failing_checks` (check ids,
     *     space-separated). Cells are quoted as RFC 4180 says; text starting with `=`, `+`, `-` or
     *     `@` (also after white space) or with a tab or carriage return is prefixed with `'` so that
     *     spreadsheets do not run it. Takes the filters and sort
     *     of `/portfolio` and returns every matching row (no paging). Requires
     *     `scorecards.release.read`.
     */
    get: operations['getPortfolioCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dora': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * DORA figures over a window and the window before it
     * @description Deployment frequency, lead time for changes, change failure rate and failed deployment
     *     recovery time over `[from, to)`, and over the window of the same length just before it,
     *     from the stored delivery events. For one entity (`entityRef`), or for every entity with
     *     releases that matches the portfolio filters (all of them without filters); `entityRefs`
     *     lists the entities counted. Requires `scorecards.release.read`.
     */
    get: operations['getDora'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/attestation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The gate's decision, signed, as an SLSA verification summary
     * @description The gate's answer (as `getGate` gives it) as an in-toto Statement v1 with the SLSA
     *     Verification Summary predicate (`https://slsa.dev/verification_summary/v1`), in a DSSE
     *     envelope signed with `scorecards.attestations.signingKey`. The subject is the release's
     *     artifact digest (`artifactDigest` of its uploads); `verificationResult` is `PASSED` when
     *     the decision lets the release through (`pass` or `warn`, overrides included) and `FAILED`
     *     otherwise; `predicate.waybill` carries the decision, score, grade, the checks behind it
     *     and any override. `verifiedLevels` names the gate (`WAYBILL_GATE_<ENV>_<DECISION>`) and,
     *     when Waybill verified the artifact's provenance itself, `SLSA_BUILD_LEVEL_<n>`.
     *     `?format=sigstore-bundle` answers the same envelope in a Sigstore
     *     bundle (v0.3, the key named by its hint, no transparency-log entry), the form cosign and
     *     sigstore-js read. Verify it with the public key from `/attestation/keys`, e.g.
     *
     *     ```sh
     *     curl -fsS -H "Authorization: Bearer $WAYBILL_CI_TOKEN" "$WAYBILL_BASE_URL/api/scorecards/attestation/keys" \
     *       | jq -r '.keys[] | select(.signing) | .publicKey' > waybill.pub
     *     curl -fsS -H "Authorization: Bearer $WAYBILL_CI_TOKEN" \
     *       "$WAYBILL_BASE_URL/api/scorecards/entities/component/default/inventory/releases/4.2.0/gates/production/attestation?format=sigstore-bundle" > vsa.sigstore.json
     *     cosign verify-blob-attestation --key waybill.pub --bundle vsa.sigstore.json \
     *       --type https://slsa.dev/verification_summary/v1 --insecure-ignore-tlog=true \
     *       --digest "${DIGEST#sha256:}" --digestAlg sha256
     *     ```
     *
     *     409 when the release has no evidence or no artifact digest (nothing to attest); 503 when
     *     no signing key is configured. Requires `scorecards.release.read`.
     */
    get: operations['getGateAttestation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/waivers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Waivers, newest first
     * @description Every waiver of the entities the caller may read, newest first, with its status at the
     *     time of asking: `pending` (not approved yet), `active`, `expired` or `revoked`. Expired
     *     and revoked waivers stay on record. `expiringWithinDays` lists the active ones that end
     *     within that many days, soonest first. Requires `scorecards.release.read`.
     */
    get: operations['listWaivers'];
    put?: never;
    /**
     * Ask to accept one failing check of an entity's releases, for one environment
     * @description A waiver names a check of the policy (`checkId`), optionally one finding it counts
     *     (`finding`: a vulnerability id or a SARIF rule id), the entity, the versions (`versionRange`:
     *     one version, e.g. `5.2.0`, or a semver range, e.g. `>=5.2.0 <5.3.0`), the environment,
     *     why, and when it ends (at most `scorecards.waivers.maxDurationDays` days away, 30 by
     *     default). It does nothing until another person holding `scorecards.waiver.approve`
     *     approves it. While it is active, the gate of a matching release in that environment
     *     leaves the check out of its decision and lists the waiver (a finding waiver: when the
     *     findings the check counts, less the accepted ones, are within what it allows); once it
     *     expires or is revoked,
     *     the gate is what the evidence says again. Requires `scorecards.waiver.request`, and a
     *     person (403 for a service). Audited.
     */
    post: operations['requestWaiver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/waivers/{waiverId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a pending waiver
     * @description The waiver applies from now until it expires. The approver must be another person than
     *     the one who asked (403 otherwise) and hold `scorecards.waiver.approve`. 409 for a waiver
     *     that is not pending (approved, revoked or expired already). No body. Audited.
     */
    post: operations['approveWaiver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/waivers/{waiverId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End a pending or active waiver now
     * @description The waiver stops applying at once and stays on record, revoked, with who, when and why.
     *     The person who asked for it may revoke it, and so may a holder of
     *     `scorecards.waiver.approve` (403 for anyone else). 409 for a waiver revoked or expired
     *     already. Audited.
     */
    post: operations['revokeWaiver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/attestation/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The public keys signed gate decisions verify with
     * @description Every key of `scorecards.attestations.keys`: the one that signs now (`signing: true`)
     *     and the retired ones that attestations signed earlier still verify with. Each envelope's
     *     signature names its key by `keyid`. An empty list when no key is configured. Requires
     *     `scorecards.release.read`.
     */
    get: operations['listAttestationKeys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/enforcement/flagger/confirm-promotion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Flagger's confirm-promotion webhook
     * @description Flagger calls a `confirm-promotion` webhook before it promotes a canary and holds the
     *     promotion while the answer is not 2xx. This one answers 200 when the release's gate
     *     lets it through to the environment and 412 (with the gate's reasons) when it does not,
     *     so Flagger keeps the canary unpromoted until the gate turns, an override is made or the
     *     analysis gives up.
     *
     *     Flagger sends no headers of its own, so the webhook's `metadata` carries the release
     *     (`entityRef`, `version`, `environment`) and a Backstage token (`token`: an external
     *     access token from `backend.auth.externalAccess`). The token is checked first, as a
     *     bearer token would be: 401 without one (a body without `metadata.token` included) or
     *     with a bad one, before anything else of the body is read; then it needs
     *     `scorecards.release.read` (403). The route needs no `Authorization` header; see the
     *     README for the Canary YAML. Bodies over 16 KiB get 413.
     */
    post: operations['flaggerConfirmPromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/policy/reevaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-score releases evaluated with an older policy, now
     * @description Starts the `scorecards-reevaluate` task, which re-scores every release whose stored
     *     evaluation was made with another policy than the configured one. It runs every minute
     *     anyway; this only makes it run now. The answer comes before the work is done. No request
     *     body. Requires `scorecards.policy.reevaluate`, and a person (403 for a service).
     */
    post: operations['reevaluatePolicy'];
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
    /**
     * @description JSON null. (OpenAPI 3.0 has no null type; this admits null and nothing else.)
     * @enum {string|null}
     */
    NullValue: null;
    /** @description The Backstage error body. */
    ErrorResponse: {
      /** @description The serialized error; other fields of the error may be present. */
      error: {
        /** @description e.g. `InputError`, `AuthenticationError`, `NotAllowedError`, `NotFoundError`, `PayloadTooLargeError`. */
        name: string;
        /** @description What went wrong, in words. */
        message: string;
        stack?: string;
        code?: string;
      } & {
        [key: string]: unknown;
      };
      request?: {
        method: string;
        url: string;
      };
      response?: {
        statusCode: number;
      };
    };
    /**
     * @description A kind of evidence; a release has at most one current piece of each.
     * @enum {string}
     */
    EvidenceKind:
      | 'tests'
      | 'coverage'
      | 'security'
      | 'dependencies'
      | 'readiness'
      | 'signature'
      | 'provenance';
    /**
     * @description The format an upload was read as: `junit` (tests), `cobertura` or `lcov` (coverage), `sarif` (security), `cyclonedx` (dependencies), `waybill-readiness` (readiness), `sigstore-bundle` or `dsse-envelope` (signature, provenance).
     * @enum {string}
     */
    EvidenceFormat:
      | 'junit'
      | 'cobertura'
      | 'lcov'
      | 'sarif'
      | 'cyclonedx'
      | 'waybill-readiness'
      | 'sigstore-bundle'
      | 'dsse-envelope';
    /**
     * @description How demanding an entity's releases are, from its tier annotation or label (`standard` without one).
     * @enum {string}
     */
    Tier: 'critical' | 'standard' | 'internal';
    /**
     * @description A severity band (CVSS v3 bands); `info` covers SARIF `note`/`none` and unrated vulnerabilities.
     * @enum {string}
     */
    Severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
    /**
     * @description The grade of a score: A >= 90, B >= 80, C >= 70, D >= 60, else F.
     * @enum {string}
     */
    Grade: 'A' | 'B' | 'C' | 'D' | 'F';
    /**
     * @description A portfolio order: by entity ref, score or release time; `-` for descending.
     * @default name
     * @enum {string}
     */
    PortfolioSort:
      | 'name'
      | '-name'
      | 'score'
      | '-score'
      | 'updated'
      | '-updated';
    /**
     * @description `pass` promotes, `warn` promotes with warnings, `fail` blocks.
     * @enum {string}
     */
    GateDecision: 'pass' | 'warn' | 'fail';
    /**
     * @description `pass`: the check held; `fail`: it did not, or its value is unmeasured; `missing`: its evidence was not uploaded.
     * @enum {string}
     */
    CheckStatus: 'pass' | 'fail' | 'missing';
    /**
     * @description What a failing or missing check does to a gate.
     * @enum {string}
     */
    Enforcement: 'off' | 'warn' | 'fail';
    /**
     * @description A check passes when `fact <operator> threshold` holds.
     * @enum {string}
     */
    ComparisonOperator: '<=' | '<' | '>=' | '>' | '==';
    /**
     * @description A fact a policy check can test.
     * @enum {string}
     */
    FactName:
      | 'tests.total'
      | 'tests.failed'
      | 'tests.errored'
      | 'tests.skipped'
      | 'tests.passRate'
      | 'coverage.lineRate'
      | 'coverage.branchRate'
      | 'security.bySeverity.critical'
      | 'security.bySeverity.high'
      | 'security.bySeverity.medium'
      | 'security.bySeverity.low'
      | 'security.bySeverity.info'
      | 'security.newBySeverity.critical'
      | 'security.newBySeverity.high'
      | 'security.newBySeverity.medium'
      | 'security.newBySeverity.low'
      | 'security.newBySeverity.info'
      | 'dependencies.vulnerabilitiesBySeverity.critical'
      | 'dependencies.vulnerabilitiesBySeverity.high'
      | 'dependencies.vulnerabilitiesBySeverity.medium'
      | 'dependencies.vulnerabilitiesBySeverity.low'
      | 'dependencies.vulnerabilitiesBySeverity.info'
      | 'dependencies.newVulnerabilitiesBySeverity.critical'
      | 'dependencies.newVulnerabilitiesBySeverity.high'
      | 'dependencies.newVulnerabilitiesBySeverity.medium'
      | 'dependencies.newVulnerabilitiesBySeverity.low'
      | 'dependencies.newVulnerabilitiesBySeverity.info'
      | 'readiness.previousVersionDeployable'
      | 'readiness.migrationsReversible'
      | 'readiness.killSwitch'
      | 'readiness.rollbackDrillAgeDays'
      | 'signature.verified'
      | 'provenance.slsaBuildLevel';
    /** @description A count per severity band; every band is present, zero when nothing was found. */
    SeverityCounts: {
      critical: number;
      high: number;
      medium: number;
      low: number;
      info: number;
    };
    /** @description Test results from JUnit XML (jest-junit, pytest, Maven Surefire/Failsafe, Gradle, PHPUnit). */
    TestFacts: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'tests';
      /** @enum {string} */
      format: 'junit';
      total: number;
      passed: number;
      failed: number;
      errored: number;
      skipped: number;
      /** @description Sum of the test cases' `time`, in seconds; null when no case reports a time. */
      durationSeconds: number | null;
      /** @description The failing and erroring tests, at most 50, in file order. */
      failingTests: {
        suite: string;
        name: string;
        /** @enum {string} */
        outcome: 'failed' | 'errored';
        /** @description The failure message, cut at 500 characters. */
        message?: string;
      }[];
    };
    /** @description Line and branch coverage from Cobertura XML or LCOV. Rates are 0..1, null when unmeasured. */
    CoverageFacts: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'coverage';
      /** @enum {string} */
      format: 'cobertura' | 'lcov';
      lineRate: number | null;
      branchRate: number | null;
      linesCovered: number;
      linesValid: number;
      branchesCovered: number;
      branchesValid: number;
    };
    /** @description One code scanning finding. */
    SecurityFinding: {
      tool: string;
      ruleId: string;
      severity: components['schemas']['Severity'];
      /** @description The finding's message, cut at 500 characters. */
      message: string;
      /** @description `path:line` of the first location, when the result has one. */
      location?: string;
      /** @enum {string} */
      baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
    };
    /** @description Static analysis findings from SARIF 2.1.0; suppressed results are not counted. */
    SecurityFacts: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'security';
      /** @enum {string} */
      format: 'sarif';
      total: number;
      bySeverity: components['schemas']['SeverityCounts'];
      /** @description Counts per tool (`tool.driver.name`). */
      byTool: {
        [key: string]: components['schemas']['SeverityCounts'];
      };
      /** @description Findings whose `baselineState` is `new` (all findings when there is no baseline). */
      newBySeverity: components['schemas']['SeverityCounts'];
      suppressed: number;
      /** @description The worst findings, at most 20, most severe first. */
      worst: components['schemas']['SecurityFinding'][];
      /**
       * @description Unsuppressed findings counted by rule id and severity (all, and new against the
       *     baseline), at most 1,000 entries, most severe first; absent in facts stored before
       *     Waybill kept them.
       */
      rules?: {
        ruleId: string;
        severity: components['schemas']['Severity'];
        count: number;
        newCount: number;
      }[];
    };
    /** @description One known vulnerability of a release's dependencies. */
    Vulnerability: {
      id: string;
      severity: components['schemas']['Severity'];
      /** @description The highest CVSS score among the ratings, when one is given. */
      score?: number;
      /** @description The affected components' `bom-ref`s or purls. */
      affects: string[];
    };
    /** @description Dependency inventory and known vulnerabilities from a CycloneDX 1.4–1.6 JSON SBOM. */
    DependencyFacts: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'dependencies';
      /** @enum {string} */
      format: 'cyclonedx';
      specVersion: string;
      componentCount: number;
      vulnerabilitiesBySeverity: components['schemas']['SeverityCounts'];
      /** @description The worst vulnerabilities, at most 20, most severe first. */
      worst: components['schemas']['Vulnerability'][];
      /** @description Every component, nested ones included, by its purl (else `group/name@version`), once each, in code unit order; the first 20,000 when there are more. Absent from facts stored before Waybill kept the list. */
      components?: string[];
      /** @description Whether the SBOM has more components than `components` lists. */
      componentsTruncated?: boolean;
      /** @description Every counted vulnerability, by id, in code unit order. Absent from facts stored before Waybill kept the list. */
      vulnerabilities?: components['schemas']['SbomVulnerability'][];
      /** @description What the SBOM adds and removes against the SBOM of the entity's previous release: of the releases created before this one, the most recent with dependency evidence. Null when there is none, or when its facts were stored before Waybill kept component lists. Absent from facts stored before Waybill computed diffs. */
      diff?:
        | components['schemas']['SbomDiff']
        | components['schemas']['NullValue'];
    };
    /** @description A vulnerability of an SBOM, by id, with its severity. */
    SbomVulnerability: {
      id: string;
      severity: components['schemas']['Severity'];
    };
    /** @description What a release's SBOM adds and removes against the previous release's. When either component list was cut at 20,000, components are compared only up to the last one both lists cover. */
    SbomDiff: {
      /** @description The version of the release compared against. */
      againstVersion: string;
      /** @description Components this SBOM lists and the previous one does not, in code unit order. */
      addedComponents: string[];
      /** @description Components the previous SBOM lists and this one does not, in code unit order. */
      removedComponents: string[];
      /** @description Vulnerabilities counted now and not in the previous release, by id. */
      introducedVulnerabilities: components['schemas']['SbomVulnerability'][];
      /** @description Vulnerabilities counted in the previous release and not now, by id, with their severity then. */
      fixedVulnerabilities: components['schemas']['SbomVulnerability'][];
      /** @description The introduced vulnerabilities, counted by severity. */
      introducedBySeverity: components['schemas']['SeverityCounts'];
    };
    /** @description Rollback readiness facts from Waybill's readiness document. */
    ReadinessFacts: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'readiness';
      /** @enum {string} */
      format: 'waybill-readiness';
      previousVersionDeployable: boolean;
      migrationsReversible: boolean;
      /**
       * Format: date
       * @description Date of the last rollback drill, null when there never was one.
       */
      lastRollbackDrill: string | null;
      killSwitch: boolean;
    };
    /**
     * @description Who signed verified evidence: a configured public key (`key`, by its id), or a
     *     certificate from the Sigstore trusted root (`certificate`, with its identity and issuer).
     */
    EvidenceSigner: {
      /** @enum {string} */
      kind: 'key' | 'certificate';
      /** @description The id of the configured key (`scorecards.trust.keys[].id`) that verified it. */
      keyId: string | null;
      /** @description The certificate's subject alternative name, e.g. a workflow URI. */
      identity: string | null;
      /** @description The OIDC issuer the certificate names (Fulcio's issuer extension). */
      issuer: string | null;
    };
    /**
     * @description A signed in-toto Statement whose subject is the release's artifact, verified by Waybill
     *     against `scorecards.trust`. Only verified signatures are stored.
     */
    SignatureFacts: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'signature';
      /** @enum {string} */
      format: 'sigstore-bundle' | 'dsse-envelope';
      /** @description The signed subject, equal to the release's artifact digest. */
      subjectDigest: string;
      /** @description What the signed statement says of the subject (its `predicateType`). */
      predicateType: string;
      signer: components['schemas']['EvidenceSigner'];
      /**
       * Format: date-time
       * @description When the transparency log recorded the signature; null for a key signature without one.
       */
      signedAt: string | null;
    };
    /**
     * @description SLSA provenance v1 of the release's artifact, verified by Waybill against
     *     `scorecards.trust`; its build level is the one the signer's trust entry vouches for.
     */
    ProvenanceFacts: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'provenance';
      /** @enum {string} */
      format: 'sigstore-bundle' | 'dsse-envelope';
      subjectDigest: string;
      signer: components['schemas']['EvidenceSigner'];
      /** Format: date-time */
      signedAt: string | null;
      /** @description `runDetails.builder.id` of the provenance. */
      builderId: string;
      /** @description `buildDefinition.buildType` of the provenance. */
      buildType: string;
      /** @description The repository the provenance says was built, when it names one. */
      sourceRepository: string | null;
      /**
       * @description SLSA v1 build level.
       * @enum {integer}
       */
      slsaBuildLevel: 1 | 2 | 3;
    };
    /** @description The facts Waybill keeps of an uploaded file, by `kind`. */
    EvidenceFacts:
      | components['schemas']['TestFacts']
      | components['schemas']['CoverageFacts']
      | components['schemas']['SecurityFacts']
      | components['schemas']['DependencyFacts']
      | components['schemas']['ReadinessFacts']
      | components['schemas']['SignatureFacts']
      | components['schemas']['ProvenanceFacts'];
    /** @description A SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/); only the parts Waybill reads are listed. */
    SarifLog: {
      /** @enum {string} */
      version: '2.1.0';
      runs: Record<string, unknown>[];
    };
    /** @description A CycloneDX 1.4–1.6 JSON SBOM (https://cyclonedx.org/specification/overview/); only the parts Waybill reads are listed. */
    CycloneDxBom: {
      /** @enum {string} */
      bomFormat: 'CycloneDX';
      /** @enum {string} */
      specVersion: '1.4' | '1.5' | '1.6';
      components?: Record<string, unknown>[];
      vulnerabilities?: Record<string, unknown>[];
    };
    /**
     * @description Waybill's readiness document, written by the release pipeline. Strict; unknown keys are refused.
     * @example {
     *       "previousVersionDeployable": true,
     *       "migrationsReversible": false,
     *       "lastRollbackDrill": "2024-04-22",
     *       "killSwitch": true
     *     }
     */
    ReadinessDocument: {
      /** @description Whether the previous release can be deployed again to roll back. */
      previousVersionDeployable: boolean;
      /** @description Whether every database migration in the release has a tested down migration. */
      migrationsReversible: boolean;
      /**
       * Format: date
       * @description YYYY-MM-DD of the last rollback drill; null when there never was one.
       */
      lastRollbackDrill: string | null;
      /** @description Whether the release ships behind a flag or kill switch that turns it off without a deployment. */
      killSwitch: boolean;
    };
    /**
     * @description A Sigstore bundle (https://github.com/sigstore/protobuf-specs, media types
     *     `application/vnd.dev.sigstore.bundle+json;version=0.1` to `…v0.3+json`) whose content is a
     *     DSSE envelope; only the parts Waybill checks are listed.
     */
    SigstoreBundleUpload: {
      mediaType: string;
      verificationMaterial: Record<string, unknown>;
      dsseEnvelope: components['schemas']['DsseEnvelopeUpload'];
    };
    /** @description A DSSE envelope (https://github.com/secure-systems-lab/dsse) of an in-toto Statement v1. */
    DsseEnvelopeUpload: {
      /** @enum {string} */
      payloadType: 'application/vnd.in-toto+json';
      /** Format: byte */
      payload: string;
      signatures: {
        keyid?: string;
        /** Format: byte */
        sig: string;
      }[];
    };
    /** @description The result of one policy check for a release. */
    CheckResult: {
      /** @description The check's id, e.g. `no-critical-vulnerabilities`. */
      id: string;
      title: string;
      fact: components['schemas']['FactName'];
      status: components['schemas']['CheckStatus'];
      /** @description The fact's value; null when the evidence is missing or does not measure it. */
      observed: number | boolean | components['schemas']['NullValue'];
      /** @description `observed` for display, e.g. `72.5%`; null with it. */
      observedText: string | null;
      operator: components['schemas']['ComparisonOperator'];
      /** @description The threshold for the release's tier. */
      threshold: number | boolean;
      /** @description `threshold` for display, e.g. `80%`. */
      thresholdText: string;
      weight: number;
      /** @description Whether the check counts toward the score: not `off` in at least one evaluated environment. */
      scored: boolean;
      /** @description The effective enforcement in each evaluated environment. */
      enforcement: {
        [key: string]: components['schemas']['Enforcement'];
      };
      /** @description The outcome in words, e.g. `2 critical dependency vulnerabilities (allowed: 0)`. */
      reason: string;
      /** @description What a developer does to make the check pass. */
      fixHint: string;
      findings?: components['schemas']['CountedFindings'];
    };
    /**
     * @description For a failing check that counts findings (vulnerabilities by id, SARIF results by rule id):
     *     the findings it counted and how many it allows, so that a waiver of one finding can be
     *     weighed. Absent for other checks, and for evidence stored before Waybill kept findings.
     */
    CountedFindings: {
      counted: {
        /** @description A vulnerability id (`CVE-2025-29927`, `GHSA-...`) or a SARIF rule id. */
        id: string;
        count: number;
      }[];
      /** @description How many findings the check allows. */
      allowed: number;
    };
    /** @description A failing or missing check that holds up an environment's gate. */
    GateReason: {
      checkId: string;
      title: string;
      /** @enum {string} */
      status: 'fail' | 'missing';
      /**
       * @description `fail` blocks the gate, `warn` only warns.
       * @enum {string}
       */
      enforcement: 'fail' | 'warn';
      reason: string;
      fixHint: string;
      findings?: components['schemas']['CountedFindings'];
    };
    /** @description The policy's gate decision for promoting a release into one environment. */
    EnvironmentGate: {
      environment: string;
      decision: components['schemas']['GateDecision'];
      /** @description The checks behind the decision, blocking ones first. */
      reasons: components['schemas']['GateReason'][];
    };
    /** @description A release's scorecard: every check's result, the score and grade, and a gate per environment. */
    ScorecardEvaluation: {
      tier: components['schemas']['Tier'];
      environments: string[];
      /** Format: date-time */
      evaluatedAt: string;
      /** @description Weighted share of the scored checks that pass, 0..100. */
      score: number;
      grade: components['schemas']['Grade'];
      checks: components['schemas']['CheckResult'][];
      /** @description One gate per environment, in promotion order. */
      gates: components['schemas']['EnvironmentGate'][];
    };
    /** @description The outcome of an upload. */
    RecordEvidenceResult: {
      releaseId: number;
      evidenceId: number;
      /** @description True when the same file was already stored for this release; nothing changed. */
      duplicate: boolean;
      evaluation: components['schemas']['ScorecardEvaluation'];
    };
    /** @description A stored piece of evidence, as listed on a release. */
    StoredEvidence: {
      id: number;
      kind: components['schemas']['EvidenceKind'];
      format: components['schemas']['EvidenceFormat'];
      /** @description SHA-256 of the uploaded bytes, hex. */
      digest: string;
      sizeBytes: number;
      /** @description The `environment` given with the upload. */
      environment: string | null;
      /** @description The uploader's user entity ref or service subject. */
      uploadedBy: string;
      /** Format: date-time */
      uploadedAt: string;
      facts: components['schemas']['EvidenceFacts'];
    };
    /** @description A gate override that is or was in force; revoked ones keep who ended them, when and why. */
    GateOverride: {
      id: number;
      environment: string;
      reason: string;
      /** @description Who made it, as a user entity ref or service subject. */
      actor: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      /**
       * Format: date-time
       * @description When it was revoked; null while it was not.
       */
      revokedAt: string | null;
      /** @description Who revoked it, as a user entity ref; null while it was not. */
      revokedBy: string | null;
      /** @description Why it was revoked; null while it was not. */
      revokeReason: string | null;
    };
    /** @description Why the override ends now. */
    GateOverrideRevocation: {
      /**
       * @description Why, in at least 10 characters (not counting surrounding white space).
       * @example Hotfix 4.2.1 passes the gate on its own
       */
      reason: string;
    };
    /** @description Why the release may go through, and until when. */
    GateOverrideRequest: {
      /**
       * @description Why, in at least 10 characters (not counting surrounding white space).
       * @example EDI outage hotfix, rollback drill booked for Monday
       */
      reason: string;
      /**
       * Format: date-time
       * @description When the override ends; an ISO 8601 timestamp with a time zone, in the future and at
       *     most `scorecards.overrides.maxDurationDays` days away.
       * @example 2026-12-01T00:00:00Z
       */
      expiresAt: string;
    };
    /** @description A release with its current evidence, stored evaluation and overrides. */
    ReleaseRecord: {
      /** @description Full, lower-case entity ref, e.g. `component:default/inventory`. */
      entityRef: string;
      version: string;
      id: number;
      commit: string | null;
      pipelineUrl: string | null;
      /** @description The artifact's digest (`sha256:<hex>`), from the uploads' `artifactDigest`. */
      artifactDigest: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description The current piece of each kind of evidence (the latest upload of that kind), by kind. */
      evidence: components['schemas']['StoredEvidence'][];
      /** @description The stored evaluation. */
      evaluation:
        | components['schemas']['ScorecardEvaluation']
        | components['schemas']['NullValue'];
      /** @description Overrides, newest first, expired and revoked ones included. */
      overrides: components['schemas']['GateOverride'][];
      /**
       * @description How many days from now a new override of this release's gates may last at most
       *     (`scorecards.overrides.maxDurationDays`).
       */
      maxOverrideDays: number;
      /**
       * @description The waivers whose versions include this release, newest first, in every status; the
       *     active ones leave their checks out of the gates of their environments.
       */
      waivers: components['schemas']['Waiver'][];
      /** @description How many days from now a new waiver may last at most (`scorecards.waivers.maxDurationDays`). */
      maxWaiverDays: number;
    };
    /**
     * @description A release's gate in one environment as a pipeline sees it: the policy's decision, and the
     *     decision after waivers and overrides (an active waiver leaves its check out; an active
     *     override, neither revoked nor expired, makes it `pass`).
     */
    ReleaseGate: {
      environment: string;
      /** @description The decision after waivers and overrides; act on this one. */
      decision: components['schemas']['GateDecision'];
      /** @description The decision of the policy alone. */
      policyDecision: components['schemas']['GateDecision'];
    };
    /** @description One release in an entity's history. */
    ReleaseSummary: {
      entityRef: string;
      version: string;
      /** Format: date-time */
      createdAt: string;
      score: number | null;
      /** @enum {string|null} */
      grade: 'A' | 'B' | 'C' | 'D' | 'F' | null;
      /**
       * @description The release's gate in each environment of its stored evaluation, in promotion order,
       *     after the overrides active now; empty for a release not yet evaluated.
       */
      gates: components['schemas']['ReleaseGate'][];
    };
    ReleaseHistory: {
      /** @description Newest first. */
      items: components['schemas']['ReleaseSummary'][];
    };
    /** @description The answer to "may this release go to this environment?". */
    GateAnswer: {
      entityRef: string;
      version: string;
      environment: string;
      /** @description The decision after waivers and overrides; act on this one. */
      decision: components['schemas']['GateDecision'];
      /** @description The decision of the policy alone. */
      policyDecision: components['schemas']['GateDecision'];
      reasons: components['schemas']['GateReason'][];
      /** @description The active override, if one is in force. */
      override:
        | components['schemas']['GateOverride']
        | components['schemas']['NullValue'];
      /**
       * @description The active waivers the decision applies: each leaves its check out. `reasons` then
       *     lists only the checks left, and `policyDecision` is still the policy's decision
       *     without them.
       */
      waivers: components['schemas']['Waiver'][];
      /** @description null when the release has no evidence. */
      score: number | null;
      /**
       * @description null when the release has no evidence.
       * @enum {string|null}
       */
      grade: 'A' | 'B' | 'C' | 'D' | 'F' | null;
    };
    /** @enum {string} */
    WaiverStatus: 'pending' | 'active' | 'expired' | 'revoked';
    WaiverRequest: {
      /** @description The entity, e.g. `component:default/inventory`. */
      entityRef: string;
      /** @description One version (`5.2.0`) or a semver range (`>=5.2.0 <5.3.0`). */
      versionRange: string;
      /** @description One of `scorecards.environments`. */
      environment: string;
      /** @description The `id` of a check of the policy. */
      checkId: string;
      /**
       * @description One finding the check counts, to accept only it: a vulnerability id (`CVE-2025-29927`)
       *     for a dependency vulnerability check, a SARIF rule id for a code finding check.
       *     Without it the whole check is accepted.
       */
      finding?: string;
      /**
       * @description Only deliveries to this tenant segment (a tenant rollout's waves of it): the gate
       *     applies the waiver when asked for that segment alone. Without it, every delivery.
       */
      tenantSegment?: string;
      /** @description Why, in at least 10 characters (not counting surrounding white space). */
      reason: string;
      /**
       * Format: date-time
       * @description In the future, at most `scorecards.waivers.maxDurationDays` days away.
       */
      expiresAt: string;
    };
    WaiverRevocation: {
      reason: string;
    };
    Waiver: {
      id: number;
      entityRef: string;
      versionRange: string;
      environment: string;
      checkId: string;
      /** @description The one finding accepted (a vulnerability or SARIF rule id); null for the whole check. */
      finding: string | null;
      /** @description The only tenant segment whose deliveries it applies to; null for every delivery. */
      tenantSegment: string | null;
      reason: string;
      /** Format: date-time */
      expiresAt: string;
      /** @description The user entity ref of who asked. */
      requestedBy: string;
      /** Format: date-time */
      requestedAt: string;
      approvedBy: string | null;
      /** Format: date-time */
      approvedAt: string | null;
      revokedBy: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      revokeReason: string | null;
      status: components['schemas']['WaiverStatus'];
    };
    WaiverList: {
      items: components['schemas']['Waiver'][];
    };
    /**
     * @description A DSSE envelope (https://github.com/secure-systems-lab/dsse): the base64 payload and
     *     its signatures over DSSE's pre-authentication encoding of payload type and payload.
     */
    DsseEnvelope: {
      /** @enum {string} */
      payloadType: 'application/vnd.in-toto+json';
      /** @description The in-toto Statement, JSON, base64. */
      payload: string;
      signatures: {
        /** @description The `keyId` of the key in `/attestation/keys`. */
        keyid: string;
        /** @description The signature, base64 (Ed25519, or ECDSA P-256 ASN.1 DER over SHA-256). */
        sig: string;
      }[];
    };
    /**
     * @description A Sigstore bundle v0.3 holding the DSSE envelope, verified with a public key (its
     *     `hint` is the key's `keyId`) and without transparency-log or timestamp entries.
     */
    SigstoreBundle: {
      /** @enum {string} */
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json';
      verificationMaterial: {
        publicKey: {
          hint: string;
        };
        tlogEntries: unknown[];
        timestampVerificationData: {
          rfc3161Timestamps: unknown[];
        };
      };
      dsseEnvelope: components['schemas']['DsseEnvelope'];
    };
    AttestationKeys: {
      keys: {
        keyId: string;
        /** @enum {string} */
        algorithm: 'ed25519' | 'ecdsa-p256';
        /** @description The public key, PEM (SubjectPublicKeyInfo). */
        publicKey: string;
        /** @description Whether this key signs new attestations. */
        signing: boolean;
      }[];
    };
    /** @description What Flagger posts to a webhook (its `CanaryWebhookPayload`). */
    FlaggerWebhook: {
      name: string;
      namespace: string;
      phase: string;
      checksum?: string;
      buildId?: string;
      /** @description The webhook's `metadata` from the Canary. */
      metadata: {
        /** @description The entity, e.g. `component:default/inventory`. */
        entityRef: string;
        version: string;
        environment: string;
        /** @description A Backstage external access token. */
        token: string;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description A deployment engine's answer; `promote` is what it acts on. */
    EnforcementAnswer: {
      /** @description Whether the gate lets the release through (`decision` is `pass` or `warn`). */
      promote: boolean;
      gate: components['schemas']['GateAnswer'];
    };
    /** @description One entity's line in the portfolio: its latest release and how it scored. */
    PortfolioItem: {
      entityRef: string;
      title: string;
      /** @description Full, lower-case ref of the owning group. */
      owner: string | null;
      system: string | null;
      tier: components['schemas']['Tier'];
      /** @description The business processes the entity takes part in, as normalized Domain refs, e.g. `domain:default/order-to-cash`. */
      businessProcesses: string[];
      version: string;
      /** Format: date-time */
      releasedAt: string;
      score: number;
      grade: components['schemas']['Grade'];
      /**
       * @description The policy's gate decision per environment, before overrides. The `gate` filter and
       *     the portfolio summary read these.
       */
      gates: {
        [key: string]: components['schemas']['GateDecision'];
      };
      /**
       * @description Gate decision per environment after the waivers and overrides active at the time of
       *     the request (not revoked, not expired): a waiver leaves its check out, an overridden
       *     gate reads `pass`. The same environments as `gates`; act on this one, as the
       *     release's own page and history do.
       */
      effectiveGates: {
        [key: string]: components['schemas']['GateDecision'];
      };
      /**
       * @description Why `effectiveGates` differs from `gates`, for each environment where something
       *     applies: an active override, and how many active waivers leave a check out.
       */
      gateAdjustments: {
        [key: string]: {
          overridden: boolean;
          waivers: number;
        };
      };
      /** @description The checks that fail or lack evidence. */
      failingChecks: {
        id: string;
        title: string;
        /** @enum {string} */
        status: 'fail' | 'missing';
      }[];
    };
    PortfolioPage: {
      items: components['schemas']['PortfolioItem'][];
      /** @description Entities matching the filters, on every page. */
      totalCount: number;
      /** @description The cursor of the next page; absent on the last one. */
      nextCursor?: string;
    };
    PortfolioSummary: {
      /** @description Entities matching the filters. */
      totalCount: number;
      /** @description Entities per grade of their latest release. */
      grades: {
        A: number;
        B: number;
        C: number;
        D: number;
        F: number;
      };
      /** @description Per gated environment, entities per gate decision of the policy, before overrides. */
      gates: {
        [key: string]: {
          pass: number;
          warn: number;
          fail: number;
        };
      };
    };
    /**
     * @description A DORA performance band, best first.
     * @enum {string}
     */
    DoraBand: 'elite' | 'high' | 'medium' | 'low';
    /** @description The four DORA keys over one window. */
    DoraFigures: {
      /**
       * Format: date-time
       * @description Start of the window, inclusive.
       */
      from: string;
      /**
       * Format: date-time
       * @description End of the window, exclusive.
       */
      to: string;
      /** @description Length of the window in days. */
      days: number;
      deploymentFrequency: {
        /** @description Production deployments in the window, failed ones included. */
        deployments: number;
        perDay: number;
        perWeek: number;
        band: components['schemas']['DoraBand'];
      };
      leadTimeForChanges: {
        /** @description Median hours from merge to the production deployment that shipped it; null without changes. */
        medianHours: number | null;
        changes: number;
      };
      changeFailureRate: {
        /** @description Failed over all production deployments; null without deployments. */
        rate: number | null;
        failedDeployments: number;
        deployments: number;
      };
      failedDeploymentRecoveryTime: {
        /** @description Median hours from failure to recovery; null without recoveries. */
        medianHours: number | null;
        recoveries: number;
        unrecovered: number;
      };
    };
    /** @description DORA figures for a window and for the window of equal length just before it. */
    DoraTrend: {
      current: components['schemas']['DoraFigures'];
      previous: components['schemas']['DoraFigures'];
    };
    /** @description A DoraTrend and the entities it counts. */
    DoraResponse: {
      entityRefs: string[];
      current: components['schemas']['DoraFigures'];
      previous: components['schemas']['DoraFigures'];
    };
    /** @enum {string} */
    DeliveryEventType:
      | 'deployment'
      | 'rollback'
      | 'incident-detected'
      | 'incident-resolved'
      | 'change-merged';
    /**
     * @description One delivery event in Waybill's JSON. Strict: unknown keys are refused. `incidentId` is
     *     required for `incident-detected` and `incident-resolved`, `commit` for `change-merged`.
     */
    WaybillDeliveryEvent: {
      type: components['schemas']['DeliveryEventType'];
      /** @description Full entity ref, e.g. `component:default/inventory`. */
      entityRef: string;
      /**
       * Format: date-time
       * @description When it happened (not when it was reported), with a time zone.
       */
      occurredAt: string;
      /** @description The version deployed or rolled back to; for a merged change, the version that will ship it, when known. */
      version?: string;
      /** @description Only `production` events count towards DORA (incidents without an environment count too). */
      environment?: string;
      /** @description The change's commit (for `change-merged` and deployments). */
      commit?: string;
      /** @description Pairs an incident's detection with its resolution. */
      incidentId?: string;
      /** @description Whether a deployment failed; rollbacks and incidents also mark a deployment failed. */
      failed?: boolean;
      /** @description Where the event came from, e.g. `argocd/prod-eu-1`. */
      source?: string;
      /** @description The event's id at its source; derived from the content when absent. */
      id?: string;
    };
    /**
     * @description A CDEvent (https://cdevents.dev, v0.4). Only the fields listed are read; the rest are
     *     ignored. The Backstage entity comes from `customData.entityRef`, else from a
     *     `subject.source` of the form `backstage:<entity ref>`. The version deployed comes from
     *     the package URL in `subject.content.artifactId`.
     */
    CdEvent: {
      context: {
        id: string;
        source: string;
        /** @example dev.cdevents.service.deployed.0.2.0 */
        type: string;
        /** Format: date-time */
        timestamp: string;
      };
      subject: {
        id: string;
        source?: string;
        content?: {
          /** @example pkg:oci/orders@sha256%3A4f53cd */
          artifactId?: string;
          environment?: {
            id: string;
          };
        };
      };
      customData?: {
        /** @example component:default/orders */
        entityRef?: string;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description One event, an array of events, or `{ "events": [...] }`; an element with a `context` is a CDEvent. */
    DeliveryEventsRequest:
      | {
          events: (
            | components['schemas']['WaybillDeliveryEvent']
            | components['schemas']['CdEvent']
          )[];
        }
      | components['schemas']['WaybillDeliveryEvent']
      | components['schemas']['CdEvent']
      | (
          | components['schemas']['WaybillDeliveryEvent']
          | components['schemas']['CdEvent']
        )[];
    /** @description How many events were stored, and how many were already stored. */
    DeliveryEventsResult: {
      stored: number;
      duplicates: number;
    };
    ReevaluateResult: {
      /**
       * @description The task that was started.
       * @enum {string}
       */
      triggered: 'scorecards-reevaluate';
    };
  };
  responses: {
    /**
     * @description The request is invalid; `error.message` names each problem, e.g. the path or query
     *     field (`request/query/gate must match pattern "^[^:]+:(pass|warn|fail)$"`), the line of
     *     a malformed file, an entity unknown to the catalog or an environment that is not gated.
     *     Nothing was stored.
     */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description No valid user or service token. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The caller lacks the route's permission; `error.message` names it. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /**
     * @description The release has no evidence, so it does not exist yet; or the user may not read its
     *     entity in the catalog (see `EntityNotFound`).
     */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /**
     * @description The user may not read the entity in the catalog. To a user whose reads are decided
     *     entity by entity, an entity the catalog does not hold looks the same.
     */
    EntityNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The re-evaluation task is running already. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The waiver is not in a state that allows this (the message says which it is in). */
    WaiverNotPending: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /**
     * @description The release has no evidence, or its uploads gave no `artifactDigest`: there is no subject
     *     to attest. The message says which.
     */
    NothingToAttest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description No signing key is configured (`scorecards.attestations`). */
    AttestationsNotConfigured: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /**
     * @description The release has no override with this id in this environment, the release has no
     *     evidence, or the user may not read its entity in the catalog (see `EntityNotFound`).
     */
    OverrideNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The override is no longer in force (already revoked, or expired); nothing was changed. */
    OverrideNotActive: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The body is larger than the route accepts (`scorecards.maxUploadBytes` for uploads and events, 16 KiB for overrides, waivers, their revocations and Flagger's webhook). */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description A server-side failure, with the same error body. */
    UnexpectedError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
  };
  parameters: {
    /**
     * @description The entity's kind, e.g. `component`; compared case-insensitively.
     * @example component
     */
    Kind: string;
    /**
     * @description The entity's namespace, usually `default`.
     * @example default
     */
    Namespace: string;
    /**
     * @description The entity's name.
     * @example inventory
     */
    Name: string;
    /**
     * @description The release's version as the pipeline names it (a semver, a build number, ...),
     *     URL-encoded.
     * @example 4.2.0
     */
    Version: string;
    /** @description What the file is evidence of; decides the formats accepted. */
    EvidenceKind: components['schemas']['EvidenceKind'];
    /**
     * @description A gated environment, one of `scorecards.environments` (by default `staging`, `production`).
     * @example production
     */
    Environment: string;
    /**
     * @description The waiver's `id`.
     * @example 12
     */
    WaiverId: number;
    /**
     * @description The override's `id`, as the release's `overrides` list it.
     * @example 7
     */
    OverrideId: number;
    /**
     * @description The commit the release was built from; the latest upload that gives one sets it.
     * @example 4f2a9c1
     */
    Commit: string;
    /**
     * @description A link to the pipeline run, http(s) only (the portal links to it); the latest upload
     *     that gives one sets it.
     * @example https://github.com/acme/inventory/actions/runs/9876543210
     */
    PipelineUrl: string;
    /**
     * @description The digest of the artifact the release ships (a container image's manifest digest), as
     *     `sha256:<64 hex>`; the latest upload that gives one sets it. A signed gate decision
     *     names it as its subject.
     * @example sha256:5f2e8ac5a8a3b1e4c1f0d9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8
     */
    ArtifactDigest: string;
    /** @description The environment the evidence was gathered in, when that matters (stored with it). */
    UploadEnvironment: string;
    /**
     * @description The owning group, as `name`, `namespace/name` or a full ref (kind `group` by default).
     * @example warehouse-systems
     */
    Owner: string;
    /** @description The system, as `name`, `namespace/name` or a full ref (kind `system` by default). */
    System: string;
    /** @description The entity's tier, from its tier annotation or label (Waybill's catalog conventions). */
    Tier: components['schemas']['Tier'];
    /**
     * @description A business process: the Domain an entity's business-processes annotation names, as its
     *     name (`order-to-cash`, read as `domain:default/order-to-cash`), `namespace/name` or a full
     *     ref; compared as the normalized Domain ref, as the dependency map resolves it.
     * @example order-to-cash
     */
    BusinessProcess: string;
    /** @description The latest release's grade. */
    Grade: components['schemas']['Grade'];
    /**
     * @description `environment:decision`: only entities whose latest release's stored gate decision in
     *     that environment, the policy's before overrides (a portfolio item's `gates`, not its
     *     `effectiveGates`), is `decision`.
     * @example production:fail
     */
    Gate: string;
    /**
     * @description The tenant segments the release is about to be delivered to (a tenant rollout's next
     *     wave), one parameter each. A waiver scoped to a tenant segment applies only when every
     *     segment given is its own; without `segment`, such waivers do not apply.
     * @example [
     *       "retail"
     *     ]
     */
    TenantSegment: string[];
    /**
     * @description `true`: only entities whose latest release an active waiver covers, in any environment:
     *     the releases that pass, or warn, with accepted exceptions. `false` or absent: no filter.
     * @example true
     */
    Waived: boolean;
    /** @description The order: by entity ref, score or release time; `-` for descending. */
    Sort: components['schemas']['PortfolioSort'];
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  uploadEvidence: {
    parameters: {
      query?: {
        /**
         * @description The commit the release was built from; the latest upload that gives one sets it.
         * @example 4f2a9c1
         */
        commit?: components['parameters']['Commit'];
        /**
         * @description A link to the pipeline run, http(s) only (the portal links to it); the latest upload
         *     that gives one sets it.
         * @example https://github.com/acme/inventory/actions/runs/9876543210
         */
        pipelineUrl?: components['parameters']['PipelineUrl'];
        /** @description The environment the evidence was gathered in, when that matters (stored with it). */
        environment?: components['parameters']['UploadEnvironment'];
        /**
         * @description The digest of the artifact the release ships (a container image's manifest digest), as
         *     `sha256:<64 hex>`; the latest upload that gives one sets it. A signed gate decision
         *     names it as its subject.
         * @example sha256:5f2e8ac5a8a3b1e4c1f0d9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8
         */
        artifactDigest?: components['parameters']['ArtifactDigest'];
      };
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
        /**
         * @description The release's version as the pipeline names it (a semver, a build number, ...),
         *     URL-encoded.
         * @example 4.2.0
         */
        version: components['parameters']['Version'];
        /** @description What the file is evidence of; decides the formats accepted. */
        evidenceKind: components['parameters']['EvidenceKind'];
      };
      cookie?: never;
    };
    /**
     * @description The evidence file, unchanged. At most `scorecards.maxUploadBytes` bytes (10 MiB by
     *     default); larger bodies get 413. The file is read by the parser of its format, which
     *     names the line (and column) of a problem and refuses a Content-Type that contradicts
     *     the format (400); the schemas below describe the JSON formats.
     */
    requestBody: {
      content: {
        'application/xml': string;
        'text/xml': string;
        'application/json':
          | components['schemas']['SarifLog']
          | components['schemas']['CycloneDxBom']
          | components['schemas']['ReadinessDocument']
          | components['schemas']['SigstoreBundleUpload']
          | components['schemas']['DsseEnvelopeUpload'];
        'application/vnd.dev.sigstore.bundle.v0.3+json': components['schemas']['SigstoreBundleUpload'];
        'application/vnd.dev.sigstore.bundle+json': components['schemas']['SigstoreBundleUpload'];
        'application/sarif+json': components['schemas']['SarifLog'];
        'application/vnd.cyclonedx+json': components['schemas']['CycloneDxBom'];
        'text/plain': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /**
       * @description The same file (same SHA-256) was already stored for this release and kind; nothing
       *     changed. `duplicate` is true and `evaluation` is the stored one.
       */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordEvidenceResult'];
        };
      };
      /** @description The file was stored and the release scored again. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordEvidenceResult'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['UnexpectedError'];
    };
  };
  recordDeliveryEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeliveryEventsRequest'];
      };
    };
    responses: {
      /** @description The events were stored; duplicates of stored events were skipped. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryEventsResult'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['UnexpectedError'];
    };
  };
  listReleases: {
    parameters: {
      query?: {
        /** @description How many releases to return at most. */
        limit?: number;
      };
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The releases, newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleaseHistory'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['EntityNotFound'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getRelease: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
        /**
         * @description The release's version as the pipeline names it (a semver, a build number, ...),
         *     URL-encoded.
         * @example 4.2.0
         */
        version: components['parameters']['Version'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The release. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleaseRecord'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getGate: {
    parameters: {
      query?: {
        /**
         * @description The tenant segments the release is about to be delivered to (a tenant rollout's next
         *     wave), one parameter each. A waiver scoped to a tenant segment applies only when every
         *     segment given is its own; without `segment`, such waivers do not apply.
         * @example [
         *       "retail"
         *     ]
         */
        segment?: components['parameters']['TenantSegment'];
      };
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
        /**
         * @description The release's version as the pipeline names it (a semver, a build number, ...),
         *     URL-encoded.
         * @example 4.2.0
         */
        version: components['parameters']['Version'];
        /**
         * @description A gated environment, one of `scorecards.environments` (by default `staging`, `production`).
         * @example production
         */
        environment: components['parameters']['Environment'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The gate's answer. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GateAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['EntityNotFound'];
      default: components['responses']['UnexpectedError'];
    };
  };
  overrideGate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
        /**
         * @description The release's version as the pipeline names it (a semver, a build number, ...),
         *     URL-encoded.
         * @example 4.2.0
         */
        version: components['parameters']['Version'];
        /**
         * @description A gated environment, one of `scorecards.environments` (by default `staging`, `production`).
         * @example production
         */
        environment: components['parameters']['Environment'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GateOverrideRequest'];
      };
    };
    responses: {
      /** @description The override, in force until `expiresAt`. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GateOverride'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['UnexpectedError'];
    };
  };
  revokeGateOverride: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
        /**
         * @description The release's version as the pipeline names it (a semver, a build number, ...),
         *     URL-encoded.
         * @example 4.2.0
         */
        version: components['parameters']['Version'];
        /**
         * @description A gated environment, one of `scorecards.environments` (by default `staging`, `production`).
         * @example production
         */
        environment: components['parameters']['Environment'];
        /**
         * @description The override's `id`, as the release's `overrides` list it.
         * @example 7
         */
        overrideId: components['parameters']['OverrideId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GateOverrideRevocation'];
      };
    };
    responses: {
      /** @description The override, revoked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GateOverride'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['OverrideNotFound'];
      409: components['responses']['OverrideNotActive'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getPortfolio: {
    parameters: {
      query?: {
        /**
         * @description The owning group, as `name`, `namespace/name` or a full ref (kind `group` by default).
         * @example warehouse-systems
         */
        owner?: components['parameters']['Owner'];
        /** @description The system, as `name`, `namespace/name` or a full ref (kind `system` by default). */
        system?: components['parameters']['System'];
        /** @description The entity's tier, from its tier annotation or label (Waybill's catalog conventions). */
        tier?: components['parameters']['Tier'];
        /**
         * @description A business process: the Domain an entity's business-processes annotation names, as its
         *     name (`order-to-cash`, read as `domain:default/order-to-cash`), `namespace/name` or a full
         *     ref; compared as the normalized Domain ref, as the dependency map resolves it.
         * @example order-to-cash
         */
        businessProcess?: components['parameters']['BusinessProcess'];
        /** @description The latest release's grade. */
        grade?: components['parameters']['Grade'];
        /**
         * @description `environment:decision`: only entities whose latest release's stored gate decision in
         *     that environment, the policy's before overrides (a portfolio item's `gates`, not its
         *     `effectiveGates`), is `decision`.
         * @example production:fail
         */
        gate?: components['parameters']['Gate'];
        /**
         * @description `true`: only entities whose latest release an active waiver covers, in any environment:
         *     the releases that pass, or warn, with accepted exceptions. `false` or absent: no filter.
         * @example true
         */
        waived?: components['parameters']['Waived'];
        /** @description The order: by entity ref, score or release time; `-` for descending. */
        sort?: components['parameters']['Sort'];
        /** @description Items per page. */
        limit?: number;
        /** @description The `nextCursor` of the previous page, as handed out. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the portfolio. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getPortfolioSummary: {
    parameters: {
      query?: {
        /**
         * @description The owning group, as `name`, `namespace/name` or a full ref (kind `group` by default).
         * @example warehouse-systems
         */
        owner?: components['parameters']['Owner'];
        /** @description The system, as `name`, `namespace/name` or a full ref (kind `system` by default). */
        system?: components['parameters']['System'];
        /** @description The entity's tier, from its tier annotation or label (Waybill's catalog conventions). */
        tier?: components['parameters']['Tier'];
        /**
         * @description A business process: the Domain an entity's business-processes annotation names, as its
         *     name (`order-to-cash`, read as `domain:default/order-to-cash`), `namespace/name` or a full
         *     ref; compared as the normalized Domain ref, as the dependency map resolves it.
         * @example order-to-cash
         */
        businessProcess?: components['parameters']['BusinessProcess'];
        /** @description The latest release's grade. */
        grade?: components['parameters']['Grade'];
        /**
         * @description `environment:decision`: only entities whose latest release's stored gate decision in
         *     that environment, the policy's before overrides (a portfolio item's `gates`, not its
         *     `effectiveGates`), is `decision`.
         * @example production:fail
         */
        gate?: components['parameters']['Gate'];
        /**
         * @description `true`: only entities whose latest release an active waiver covers, in any environment:
         *     the releases that pass, or warn, with accepted exceptions. `false` or absent: no filter.
         * @example true
         */
        waived?: components['parameters']['Waived'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The counts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioSummary'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getPortfolioCsv: {
    parameters: {
      query?: {
        /**
         * @description The owning group, as `name`, `namespace/name` or a full ref (kind `group` by default).
         * @example warehouse-systems
         */
        owner?: components['parameters']['Owner'];
        /** @description The system, as `name`, `namespace/name` or a full ref (kind `system` by default). */
        system?: components['parameters']['System'];
        /** @description The entity's tier, from its tier annotation or label (Waybill's catalog conventions). */
        tier?: components['parameters']['Tier'];
        /**
         * @description A business process: the Domain an entity's business-processes annotation names, as its
         *     name (`order-to-cash`, read as `domain:default/order-to-cash`), `namespace/name` or a full
         *     ref; compared as the normalized Domain ref, as the dependency map resolves it.
         * @example order-to-cash
         */
        businessProcess?: components['parameters']['BusinessProcess'];
        /** @description The latest release's grade. */
        grade?: components['parameters']['Grade'];
        /**
         * @description `environment:decision`: only entities whose latest release's stored gate decision in
         *     that environment, the policy's before overrides (a portfolio item's `gates`, not its
         *     `effectiveGates`), is `decision`.
         * @example production:fail
         */
        gate?: components['parameters']['Gate'];
        /**
         * @description `true`: only entities whose latest release an active waiver covers, in any environment:
         *     the releases that pass, or warn, with accepted exceptions. `false` or absent: no filter.
         * @example true
         */
        waived?: components['parameters']['Waived'];
        /** @description The order: by entity ref, score or release time; `-` for descending. */
        sort?: components['parameters']['Sort'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The CSV, with a header row. */
      200: {
        headers: {
          /** @description `attachment; filename="waybill-portfolio.csv"` */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example entity,title,owner,system,tier,business_processes,version,released_at,score,grade,gates,failing_checks
           *     component:default/inventory,inventory,group:default/warehouse-systems,,critical,,4.2.0,2026-11-23T12:00:00.000Z,41,F,staging:warn production:fail,line-coverage no-critical-vulnerabilities
           */
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getDora: {
    parameters: {
      query: {
        /**
         * @description One entity: a full ref, `namespace/name` or `name` (kind `component` and namespace
         *     `default` by default). The portfolio filters are ignored when it is given.
         * @example component:default/inventory
         */
        entityRef?: string;
        /**
         * @description Start of the window, inclusive; an ISO 8601 date or timestamp.
         * @example 2026-11-01T00:00:00Z
         */
        from: string;
        /**
         * @description End of the window, exclusive; after `from`.
         * @example 2026-12-01T00:00:00Z
         */
        to: string;
        /**
         * @description The owning group, as `name`, `namespace/name` or a full ref (kind `group` by default).
         * @example warehouse-systems
         */
        owner?: components['parameters']['Owner'];
        /** @description The system, as `name`, `namespace/name` or a full ref (kind `system` by default). */
        system?: components['parameters']['System'];
        /** @description The entity's tier, from its tier annotation or label (Waybill's catalog conventions). */
        tier?: components['parameters']['Tier'];
        /**
         * @description A business process: the Domain an entity's business-processes annotation names, as its
         *     name (`order-to-cash`, read as `domain:default/order-to-cash`), `namespace/name` or a full
         *     ref; compared as the normalized Domain ref, as the dependency map resolves it.
         * @example order-to-cash
         */
        businessProcess?: components['parameters']['BusinessProcess'];
        /** @description The latest release's grade. */
        grade?: components['parameters']['Grade'];
        /**
         * @description `environment:decision`: only entities whose latest release's stored gate decision in
         *     that environment, the policy's before overrides (a portfolio item's `gates`, not its
         *     `effectiveGates`), is `decision`.
         * @example production:fail
         */
        gate?: components['parameters']['Gate'];
        /**
         * @description `true`: only entities whose latest release an active waiver covers, in any environment:
         *     the releases that pass, or warn, with accepted exceptions. `false` or absent: no filter.
         * @example true
         */
        waived?: components['parameters']['Waived'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The figures for both windows. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DoraResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['EntityNotFound'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getGateAttestation: {
    parameters: {
      query?: {
        /** @description `dsse` (the default): the DSSE envelope; `sigstore-bundle`: the envelope in a Sigstore bundle. */
        format?: 'dsse' | 'sigstore-bundle';
      };
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
        /**
         * @description The release's version as the pipeline names it (a semver, a build number, ...),
         *     URL-encoded.
         * @example 4.2.0
         */
        version: components['parameters']['Version'];
        /**
         * @description A gated environment, one of `scorecards.environments` (by default `staging`, `production`).
         * @example production
         */
        environment: components['parameters']['Environment'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The signed verification summary. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['DsseEnvelope']
            | components['schemas']['SigstoreBundle'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['EntityNotFound'];
      409: components['responses']['NothingToAttest'];
      503: components['responses']['AttestationsNotConfigured'];
      default: components['responses']['UnexpectedError'];
    };
  };
  listWaivers: {
    parameters: {
      query?: {
        /** @description Only this entity's waivers. */
        entityRef?: string;
        status?: components['schemas']['WaiverStatus'];
        /** @description Only active waivers that expire within this many days, soonest first. */
        expiringWithinDays?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The waivers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaiverList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['UnexpectedError'];
    };
  };
  requestWaiver: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WaiverRequest'];
      };
    };
    responses: {
      /** @description The waiver, pending approval. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Waiver'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['EntityNotFound'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['UnexpectedError'];
    };
  };
  approveWaiver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The waiver's `id`.
         * @example 12
         */
        waiverId: components['parameters']['WaiverId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The approved waiver. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Waiver'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['WaiverNotPending'];
      default: components['responses']['UnexpectedError'];
    };
  };
  revokeWaiver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The waiver's `id`.
         * @example 12
         */
        waiverId: components['parameters']['WaiverId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WaiverRevocation'];
      };
    };
    responses: {
      /** @description The revoked waiver. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Waiver'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['WaiverNotPending'];
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['UnexpectedError'];
    };
  };
  listAttestationKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The public keys. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttestationKeys'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      default: components['responses']['UnexpectedError'];
    };
  };
  flaggerConfirmPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FlaggerWebhook'];
      };
    };
    responses: {
      /** @description The gate lets the release through; Flagger promotes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnforcementAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['EntityNotFound'];
      /** @description The gate holds the release; Flagger does not promote yet. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnforcementAnswer'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      default: components['responses']['UnexpectedError'];
    };
  };
  reevaluatePolicy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task was started. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReevaluateResult'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      default: components['responses']['UnexpectedError'];
    };
  };
}

/** The values of the spec's `NullValue`, in its order. */
export const NullValueValues = [
  null,
] as const satisfies readonly components['schemas']['NullValue'][];

/** The values of the spec's `EvidenceKind`, in its order. */
export const EvidenceKindValues = [
  'tests',
  'coverage',
  'security',
  'dependencies',
  'readiness',
  'signature',
  'provenance',
] as const satisfies readonly components['schemas']['EvidenceKind'][];

/** The values of the spec's `EvidenceFormat`, in its order. */
export const EvidenceFormatValues = [
  'junit',
  'cobertura',
  'lcov',
  'sarif',
  'cyclonedx',
  'waybill-readiness',
  'sigstore-bundle',
  'dsse-envelope',
] as const satisfies readonly components['schemas']['EvidenceFormat'][];

/** The values of the spec's `Tier`, in its order. */
export const TierValues = [
  'critical',
  'standard',
  'internal',
] as const satisfies readonly components['schemas']['Tier'][];

/** The values of the spec's `Severity`, in its order. */
export const SeverityValues = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
] as const satisfies readonly components['schemas']['Severity'][];

/** The values of the spec's `Grade`, in its order. */
export const GradeValues = [
  'A',
  'B',
  'C',
  'D',
  'F',
] as const satisfies readonly components['schemas']['Grade'][];

/** The values of the spec's `PortfolioSort`, in its order. */
export const PortfolioSortValues = [
  'name',
  '-name',
  'score',
  '-score',
  'updated',
  '-updated',
] as const satisfies readonly components['schemas']['PortfolioSort'][];

/** The values of the spec's `GateDecision`, in its order. */
export const GateDecisionValues = [
  'pass',
  'warn',
  'fail',
] as const satisfies readonly components['schemas']['GateDecision'][];

/** The values of the spec's `CheckStatus`, in its order. */
export const CheckStatusValues = [
  'pass',
  'fail',
  'missing',
] as const satisfies readonly components['schemas']['CheckStatus'][];

/** The values of the spec's `Enforcement`, in its order. */
export const EnforcementValues = [
  'off',
  'warn',
  'fail',
] as const satisfies readonly components['schemas']['Enforcement'][];

/** The values of the spec's `ComparisonOperator`, in its order. */
export const ComparisonOperatorValues = [
  '<=',
  '<',
  '>=',
  '>',
  '==',
] as const satisfies readonly components['schemas']['ComparisonOperator'][];

/** The values of the spec's `FactName`, in its order. */
export const FactNameValues = [
  'tests.total',
  'tests.failed',
  'tests.errored',
  'tests.skipped',
  'tests.passRate',
  'coverage.lineRate',
  'coverage.branchRate',
  'security.bySeverity.critical',
  'security.bySeverity.high',
  'security.bySeverity.medium',
  'security.bySeverity.low',
  'security.bySeverity.info',
  'security.newBySeverity.critical',
  'security.newBySeverity.high',
  'security.newBySeverity.medium',
  'security.newBySeverity.low',
  'security.newBySeverity.info',
  'dependencies.vulnerabilitiesBySeverity.critical',
  'dependencies.vulnerabilitiesBySeverity.high',
  'dependencies.vulnerabilitiesBySeverity.medium',
  'dependencies.vulnerabilitiesBySeverity.low',
  'dependencies.vulnerabilitiesBySeverity.info',
  'dependencies.newVulnerabilitiesBySeverity.critical',
  'dependencies.newVulnerabilitiesBySeverity.high',
  'dependencies.newVulnerabilitiesBySeverity.medium',
  'dependencies.newVulnerabilitiesBySeverity.low',
  'dependencies.newVulnerabilitiesBySeverity.info',
  'readiness.previousVersionDeployable',
  'readiness.migrationsReversible',
  'readiness.killSwitch',
  'readiness.rollbackDrillAgeDays',
  'signature.verified',
  'provenance.slsaBuildLevel',
] as const satisfies readonly components['schemas']['FactName'][];

/** The values of the spec's `WaiverStatus`, in its order. */
export const WaiverStatusValues = [
  'pending',
  'active',
  'expired',
  'revoked',
] as const satisfies readonly components['schemas']['WaiverStatus'][];

/** The values of the spec's `DoraBand`, in its order. */
export const DoraBandValues = [
  'elite',
  'high',
  'medium',
  'low',
] as const satisfies readonly components['schemas']['DoraBand'][];

/** The values of the spec's `DeliveryEventType`, in its order. */
export const DeliveryEventTypeValues = [
  'deployment',
  'rollback',
  'incident-detected',
  'incident-resolved',
  'change-merged',
] as const satisfies readonly components['schemas']['DeliveryEventType'][];

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
export type ScorecardsSchemas = components['schemas'];

/** The API's operations, by operationId. */
export type ScorecardsOperations = operations;

/** Every endpoint of the API as `@backstage/backend-openapi-utils`'s typed router reads it. */
export type ScorecardsEndpointMap = {
  '#post|/entities/{kind}/{namespace}/{name}/releases/{version}/evidence/{evidenceKind}': {
    response: ResponseOf<operations['uploadEvidence']>;
    path: PathOf<operations['uploadEvidence']>;
    query: QueryOf<operations['uploadEvidence']>;
  };
  '#post|/events': {
    response: ResponseOf<operations['recordDeliveryEvents']>;
    body: BodyOf<operations['recordDeliveryEvents']>;
  };
  '#get|/entities/{kind}/{namespace}/{name}/releases': {
    response: ResponseOf<operations['listReleases']>;
    path: PathOf<operations['listReleases']>;
    query: WithDefaults<QueryOf<operations['listReleases']>, 'limit'>;
  };
  '#get|/entities/{kind}/{namespace}/{name}/releases/{version}': {
    response: ResponseOf<operations['getRelease']>;
    path: PathOf<operations['getRelease']>;
  };
  '#get|/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}': {
    response: ResponseOf<operations['getGate']>;
    path: PathOf<operations['getGate']>;
    query: QueryOf<operations['getGate']>;
  };
  '#post|/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides': {
    response: ResponseOf<operations['overrideGate']>;
    path: PathOf<operations['overrideGate']>;
    body: BodyOf<operations['overrideGate']>;
  };
  '#post|/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides/{overrideId}/revoke': {
    response: ResponseOf<operations['revokeGateOverride']>;
    path: PathOf<operations['revokeGateOverride']>;
    body: BodyOf<operations['revokeGateOverride']>;
  };
  '#get|/portfolio': {
    response: ResponseOf<operations['getPortfolio']>;
    query: WithDefaults<QueryOf<operations['getPortfolio']>, 'sort' | 'limit'>;
  };
  '#get|/portfolio/summary': {
    response: ResponseOf<operations['getPortfolioSummary']>;
    query: QueryOf<operations['getPortfolioSummary']>;
  };
  '#get|/portfolio.csv': {
    response: string;
    query: WithDefaults<QueryOf<operations['getPortfolioCsv']>, 'sort'>;
  };
  '#get|/dora': {
    response: ResponseOf<operations['getDora']>;
    query: QueryOf<operations['getDora']>;
  };
  '#get|/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/attestation': {
    response: ResponseOf<operations['getGateAttestation']>;
    path: PathOf<operations['getGateAttestation']>;
    query: WithDefaults<QueryOf<operations['getGateAttestation']>, 'format'>;
  };
  '#get|/waivers': {
    response: ResponseOf<operations['listWaivers']>;
    query: WithDefaults<QueryOf<operations['listWaivers']>, 'limit'>;
  };
  '#post|/waivers': {
    response: ResponseOf<operations['requestWaiver']>;
    body: BodyOf<operations['requestWaiver']>;
  };
  '#post|/waivers/{waiverId}/approve': {
    response: ResponseOf<operations['approveWaiver']>;
    path: PathOf<operations['approveWaiver']>;
  };
  '#post|/waivers/{waiverId}/revoke': {
    response: ResponseOf<operations['revokeWaiver']>;
    path: PathOf<operations['revokeWaiver']>;
    body: BodyOf<operations['revokeWaiver']>;
  };
  '#get|/attestation/keys': {
    response: ResponseOf<operations['listAttestationKeys']>;
  };
  '#post|/enforcement/flagger/confirm-promotion': {
    response: ResponseOf<operations['flaggerConfirmPromotion']>;
    body: BodyOf<operations['flaggerConfirmPromotion']>;
  };
  '#post|/policy/reevaluate': {
    response: ResponseOf<operations['reevaluatePolicy']>;
  };
};

/**
 * The typed client of the scorecards backend, one method per operation of its spec. A
 * non-2xx answer throws a ResponseError carrying the server's reason.
 */
export class ScorecardsApiClient {
  private readonly http: PluginHttpClient;

  constructor(options: PluginClientOptions) {
    this.http = new PluginHttpClient('scorecards', options);
  }

  /** Upload one evidence file for a release (`POST /entities/{kind}/{namespace}/{name}/releases/{version}/evidence/{evidenceKind}`). */
  uploadEvidence(request: {
    path: PathOf<operations['uploadEvidence']>;
    query?: QueryOf<operations['uploadEvidence']>;
    body: BodyInit;
    contentType: string;
  }): Promise<ResponseOf<operations['uploadEvidence']>> {
    return this.http.json<ResponseOf<operations['uploadEvidence']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(
        String(request.path.name),
      )}/releases/${encodeURIComponent(
        String(request.path.version),
      )}/evidence/${encodeURIComponent(String(request.path.evidenceKind))}`,
      {
        method: 'POST',
        headers: { 'Content-Type': request.contentType },
        body: request.body,
      },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** Record delivery events for DORA (`POST /events`). */
  recordDeliveryEvents(request: {
    body: BodyOf<operations['recordDeliveryEvents']>;
  }): Promise<ResponseOf<operations['recordDeliveryEvents']>> {
    return this.http.json<ResponseOf<operations['recordDeliveryEvents']>>(
      `/events`,
      jsonBody('POST', request.body),
    );
  }

  /** An entity's releases, newest first (`GET /entities/{kind}/{namespace}/{name}/releases`). */
  listReleases(request: {
    path: PathOf<operations['listReleases']>;
    query?: QueryOf<operations['listReleases']>;
  }): Promise<ResponseOf<operations['listReleases']>> {
    return this.http.json<ResponseOf<operations['listReleases']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(String(request.path.name))}/releases`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** A release's scorecard (`GET /entities/{kind}/{namespace}/{name}/releases/{version}`). */
  getRelease(request: {
    path: PathOf<operations['getRelease']>;
  }): Promise<ResponseOf<operations['getRelease']>> {
    return this.http.json<ResponseOf<operations['getRelease']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(
        String(request.path.name),
      )}/releases/${encodeURIComponent(String(request.path.version))}`,
      { method: 'GET' },
    );
  }

  /** May this release be promoted to this environment? (`GET /entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}`). */
  getGate(request: {
    path: PathOf<operations['getGate']>;
    query?: QueryOf<operations['getGate']>;
  }): Promise<ResponseOf<operations['getGate']>> {
    return this.http.json<ResponseOf<operations['getGate']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(
        String(request.path.name),
      )}/releases/${encodeURIComponent(
        String(request.path.version),
      )}/gates/${encodeURIComponent(String(request.path.environment))}`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** Let a release through one environment's gate until a time (`POST /entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides`). */
  overrideGate(request: {
    path: PathOf<operations['overrideGate']>;
    body: BodyOf<operations['overrideGate']>;
  }): Promise<ResponseOf<operations['overrideGate']>> {
    return this.http.json<ResponseOf<operations['overrideGate']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(
        String(request.path.name),
      )}/releases/${encodeURIComponent(
        String(request.path.version),
      )}/gates/${encodeURIComponent(
        String(request.path.environment),
      )}/overrides`,
      jsonBody('POST', request.body),
    );
  }

  /** End a gate override before it expires (`POST /entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides/{overrideId}/revoke`). */
  revokeGateOverride(request: {
    path: PathOf<operations['revokeGateOverride']>;
    body: BodyOf<operations['revokeGateOverride']>;
  }): Promise<ResponseOf<operations['revokeGateOverride']>> {
    return this.http.json<ResponseOf<operations['revokeGateOverride']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(
        String(request.path.name),
      )}/releases/${encodeURIComponent(
        String(request.path.version),
      )}/gates/${encodeURIComponent(
        String(request.path.environment),
      )}/overrides/${encodeURIComponent(
        String(request.path.overrideId),
      )}/revoke`,
      jsonBody('POST', request.body),
    );
  }

  /** Every entity's latest release, filtered, sorted and paged (`GET /portfolio`). */
  getPortfolio(
    request: { query?: QueryOf<operations['getPortfolio']> } = {},
  ): Promise<ResponseOf<operations['getPortfolio']>> {
    return this.http.json<ResponseOf<operations['getPortfolio']>>(
      `/portfolio`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** How the matching entities spread over grades and gate decisions (`GET /portfolio/summary`). */
  getPortfolioSummary(
    request: { query?: QueryOf<operations['getPortfolioSummary']> } = {},
  ): Promise<ResponseOf<operations['getPortfolioSummary']>> {
    return this.http.json<ResponseOf<operations['getPortfolioSummary']>>(
      `/portfolio/summary`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** The whole portfolio as CSV (`GET /portfolio.csv`). */
  getPortfolioCsv(
    request: { query?: QueryOf<operations['getPortfolioCsv']> } = {},
  ): Promise<Response> {
    return this.http.fetch(
      `/portfolio.csv`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** DORA figures over a window and the window before it (`GET /dora`). */
  getDora(
    request: { query?: QueryOf<operations['getDora']> } = {},
  ): Promise<ResponseOf<operations['getDora']>> {
    return this.http.json<ResponseOf<operations['getDora']>>(
      `/dora`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** The gate's decision, signed, as an SLSA verification summary (`GET /entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/attestation`). */
  getGateAttestation(request: {
    path: PathOf<operations['getGateAttestation']>;
    query?: QueryOf<operations['getGateAttestation']>;
  }): Promise<ResponseOf<operations['getGateAttestation']>> {
    return this.http.json<ResponseOf<operations['getGateAttestation']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(
        String(request.path.name),
      )}/releases/${encodeURIComponent(
        String(request.path.version),
      )}/gates/${encodeURIComponent(
        String(request.path.environment),
      )}/attestation`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** Waivers, newest first (`GET /waivers`). */
  listWaivers(
    request: { query?: QueryOf<operations['listWaivers']> } = {},
  ): Promise<ResponseOf<operations['listWaivers']>> {
    return this.http.json<ResponseOf<operations['listWaivers']>>(
      `/waivers`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** Ask to accept one failing check of an entity's releases, for one environment (`POST /waivers`). */
  requestWaiver(request: {
    body: BodyOf<operations['requestWaiver']>;
  }): Promise<ResponseOf<operations['requestWaiver']>> {
    return this.http.json<ResponseOf<operations['requestWaiver']>>(
      `/waivers`,
      jsonBody('POST', request.body),
    );
  }

  /** Approve a pending waiver (`POST /waivers/{waiverId}/approve`). */
  approveWaiver(request: {
    path: PathOf<operations['approveWaiver']>;
  }): Promise<ResponseOf<operations['approveWaiver']>> {
    return this.http.json<ResponseOf<operations['approveWaiver']>>(
      `/waivers/${encodeURIComponent(String(request.path.waiverId))}/approve`,
      { method: 'POST' },
    );
  }

  /** End a pending or active waiver now (`POST /waivers/{waiverId}/revoke`). */
  revokeWaiver(request: {
    path: PathOf<operations['revokeWaiver']>;
    body: BodyOf<operations['revokeWaiver']>;
  }): Promise<ResponseOf<operations['revokeWaiver']>> {
    return this.http.json<ResponseOf<operations['revokeWaiver']>>(
      `/waivers/${encodeURIComponent(String(request.path.waiverId))}/revoke`,
      jsonBody('POST', request.body),
    );
  }

  /** The public keys signed gate decisions verify with (`GET /attestation/keys`). */
  listAttestationKeys(
    _request: Record<string, never> = {},
  ): Promise<ResponseOf<operations['listAttestationKeys']>> {
    return this.http.json<ResponseOf<operations['listAttestationKeys']>>(
      `/attestation/keys`,
      { method: 'GET' },
    );
  }

  /** Flagger's confirm-promotion webhook (`POST /enforcement/flagger/confirm-promotion`). */
  flaggerConfirmPromotion(request: {
    body: BodyOf<operations['flaggerConfirmPromotion']>;
  }): Promise<ResponseOf<operations['flaggerConfirmPromotion']>> {
    return this.http.json<ResponseOf<operations['flaggerConfirmPromotion']>>(
      `/enforcement/flagger/confirm-promotion`,
      jsonBody('POST', request.body),
    );
  }

  /** Re-score releases evaluated with an older policy, now (`POST /policy/reevaluate`). */
  reevaluatePolicy(
    _request: Record<string, never> = {},
  ): Promise<ResponseOf<operations['reevaluatePolicy']>> {
    return this.http.json<ResponseOf<operations['reevaluatePolicy']>>(
      `/policy/reevaluate`,
      { method: 'POST' },
    );
  }
}
