import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Release scorecards (@waybill/plugin-scorecards-backend). */
  scorecards?: {
    /**
     * The environments a release is gated for, in promotion order.
     * Default: [staging, production].
     */
    environments?: string[];
    /** Largest evidence upload accepted, in bytes; larger ones get 413. Default: 10485760 (10 MiB). */
    maxUploadBytes?: number;
    /** Gate overrides. */
    overrides?: {
      /**
       * How many days from now a gate override may last at most; an override asking to expire
       * later gets 400 naming the limit. A whole number, at least 1. Default: 14.
       */
      maxDurationDays?: number;
    };
    /** Waivers of one check of an entity's releases. */
    waivers?: {
      /**
       * How many days from now a waiver may last at most; a request asking to expire later gets
       * 400 naming the limit. A whole number, at least 1. Default: 30.
       */
      maxDurationDays?: number;
    };
    /**
     * Signed gate decisions (SLSA verification summaries in DSSE envelopes, served at
     * `.../gates/{environment}/attestation`). Without this section nothing is signed: the
     * attestation route answers 503 and `/attestation/keys` lists no key.
     */
    attestations?: {
      /** The `id` of the key in `keys` that signs new attestations; it must have its private half. */
      signingKey: string;
      /**
       * Every key attestations verify with: the signing one, and retired ones (public key only)
       * that earlier attestations were signed with. Ed25519 or ECDSA P-256, PEM.
       */
      keys: Array<{
        /** Names the key in envelopes (`keyid`) and in `/attestation/keys`. */
        id: string;
        /**
         * The private key, PEM (PKCS#8 or SEC1).
         * @visibility secret
         */
        privateKey?: string;
        /** A file holding the private key, PEM. */
        privateKeyFile?: string;
        /** Local development only: make a new Ed25519 key in `privateKeyFile` if it does not exist. */
        generateIfMissing?: boolean;
        /** A retired key's public key, PEM (SubjectPublicKeyInfo). */
        publicKey?: string;
      }>;
    };
    /**
     * Who signature and provenance evidence may be signed by (see
     * src/evidence/supplyChain/README.md). Waybill verifies each such upload itself against
     * this trust and refuses what it cannot verify; without this section no signature or
     * provenance evidence is accepted, and the checks that need it stay missing.
     */
    trust?: {
      /** Public keys (cosign key pairs, an in-house signer), by the key id bundles name as `hint` or `keyid`. */
      keys?: Array<{
        id: string;
        /** The public key, PEM (SubjectPublicKeyInfo). */
        publicKey?: string;
        /** A file holding the public key, PEM. */
        publicKeyFile?: string;
        /** The SLSA build level provenance signed by this key counts for: 1, 2 (default) or 3. */
        buildLevel?: number;
      }>;
      /** Keyless signatures: a Sigstore trusted root and the certificate identities it may vouch for. */
      sigstore?: {
        /** The trusted root JSON (`trusted_root.json` of Sigstore's TUF repository, or your own instance's). */
        trustedRoot?: string;
        /** A file holding the trusted root JSON. */
        trustedRootFile?: string;
        /** How many transparency-log entries a certificate signature needs (default 1). */
        tlogThreshold?: number;
        /** How many certificate-transparency entries (SCTs) a certificate needs (default 1). */
        ctlogThreshold?: number;
        identities: Array<{
          /** The OIDC issuer, exactly, e.g. `https://token.actions.githubusercontent.com`. */
          issuer: string;
          /**
           * A regular expression for the certificate's subject (SAN); `{repository}` stands for
           * the entity's repository from its `provider` project-slug annotation, e.g.
           * `^https://github\.com/{repository}/\.github/workflows/`.
           */
          subjectPattern: string;
          /** Whose project-slug annotation fills `{repository}`: `github` or `gitlab`. */
          provider?: 'github' | 'gitlab';
          /** The SLSA build level provenance signed by this identity counts for: 1, 2 (default) or 3. */
          buildLevel?: number;
        }>;
      };
    };
    /** Deployment engines that enforce the gate themselves. */
    enforcement?: {
      /**
       * GitHub's custom deployment protection rule, as a GitHub App (see
       * src/service/enforcement/github/README.md). Without it the webhook route is not served.
       */
      github?: {
        /** The GitHub App's id. */
        appId: string | number;
        /**
         * The App's private key, PEM, as GitHub issued it.
         * @visibility secret
         */
        privateKey: string;
        /**
         * The App's webhook secret: the HMAC key each delivery is signed with.
         * @visibility secret
         */
        webhookSecret: string;
        /** GitHub's REST API. Default https://api.github.com; GitHub Enterprise Server: https://HOST/api/v3. */
        apiBaseUrl?: string;
        /** GitHub environment name to the Waybill environment whose gate decides; by default the same name. */
        environments?: { [githubEnvironment: string]: string };
      };
      /**
       * GitLab's deployment approvals (Premium), with Waybill's GitLab user as an approver of
       * protected environments (see src/service/enforcement/gitlab/README.md). Without it no
       * GitLab deployment is reviewed.
       */
      gitlab?: {
        /** GitLab's REST API. Default https://gitlab.com/api/v4; self-managed: https://HOST/api/v4. */
        apiBaseUrl?: string;
        /**
         * An access token of Waybill's GitLab user (scope `api`): the user named in the
         * environments' approval rules.
         * @visibility secret
         */
        token: string;
        /** GitLab environment name to the Waybill environment whose gate decides; by default the same name. */
        environments?: { [gitlabEnvironment: string]: string };
        /**
         * GitLab environments whose deployment jobs Waybill starts once every approval is in
         * (GitLab leaves an approved job waiting as a manual job): those of automatic jobs, such
         * as `staging`. Waybill's user needs deploy access to them. Default: none.
         */
        startAfterApproval?: string[];
        /** How often blocked deployments are looked for; default 30 seconds. */
        pollInterval?: HumanDuration | string;
      };
    };
    /**
     * The scoring policy. Without it, Waybill's default policy applies (see the
     * @waybill/plugin-scorecards-common README for the model and the defaults).
     */
    policy?: {
      checks: Array<{
        /** Unique id, e.g. `line-coverage`. */
        id: string;
        /** What the check asks, in words. */
        title: string;
        /** What a developer does to make it pass. */
        fixHint: string;
        /** The fact it reads, e.g. `coverage.lineRate` or `dependencies.vulnerabilitiesBySeverity.critical`. */
        fact: string;
        /** `<=`, `<`, `>=`, `>` or `==` (booleans: `==`). */
        operator: string;
        /** The bound the fact is compared with. */
        threshold: number | boolean;
        /** Share of the score, > 0. */
        weight: number;
        /** What a failing or missing check does to a gate: `fail`, `warn` or `off`. */
        enforcement: 'fail' | 'warn' | 'off';
        /** Overrides by service tier (`critical`, `standard`, `internal`). */
        tiers?: {
          [tier: string]: {
            enforcement?: 'fail' | 'warn' | 'off';
            threshold?: number | boolean;
          };
        };
        /** Overrides by environment. */
        environments?: {
          [environment: string]: { enforcement: 'fail' | 'warn' | 'off' };
        };
      }>;
    };
  };
}
