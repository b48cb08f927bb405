// The scaffolder converts action schemas with zod-to-json-schema, which reads zod's v3 API;
// zod 4 ships that API under `zod/v3`, so the model is written against it and the same
// schema serves both the action's input and the pure functions.
import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  TENANCIES,
  TIERS,
  parseEntityRef,
} from '@waybill/plugin-waybill-common';
import { z } from 'zod/v3';

/** Clouds a golden pipeline deploys to, each reached through OIDC federation. */
export const CLOUDS = ['aws', 'azure', 'gcp'] as const;
/** A cloud a service deploys to. */
export type Cloud = (typeof CLOUDS)[number];

/** CI providers the pipeline renders for. */
export const CI_PROVIDERS = ['github-actions', 'gitlab-ci'] as const;
/** A CI provider. */
export type CiProvider = (typeof CI_PROVIDERS)[number];

/** What kind of service a template creates. */
export const SERVICE_KINDS = [
  'api-service',
  'queue-worker',
  'web-app',
] as const;
/** The kind of service. */
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Languages with a build toolchain in the pipeline. */
export const LANGUAGES = ['typescript'] as const;

/** How a new version replaces the old one inside each cluster. */
export const DEPLOY_STRATEGIES = ['rolling', 'canary', 'blue-green'] as const;
/** A deploy strategy. */
export type DeployStrategy = (typeof DEPLOY_STRATEGIES)[number];

/** Lowercase kebab-case entity and Kubernetes names. */
export const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const NAME_MESSAGE =
  'must be lowercase kebab-case: letters, digits and single dashes, starting with a letter';

/** An entity name as the catalog and Kubernetes both accept it, at most 40 characters. */
export const entityName = z
  .string()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(NAME_PATTERN, NAME_MESSAGE);

/** An entity ref such as `group:default/order-management` or `api:sales-orders-api`. */
export const entityRefString = z
  .string()
  .max(200)
  .regex(
    /^(?:[a-z]+:)?(?:[a-z0-9][a-z0-9-]*\/)?[a-z0-9][a-z0-9-]*$/,
    'must be an entity ref such as group:default/order-management',
  );

/**
 * A repository's project path on its host: `owner/name` on GitHub, `group[/subgroup]/project` on
 * GitLab. Pipelines report to Waybill for the entity naming it, so it is checked where the
 * template's repoUrl is read and again where it is written into the catalog annotation.
 */
export const repositoryProject = z
  .string()
  .max(200)
  .regex(
    /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/,
    'must be owner/name (GitHub) or group/project (GitLab)',
  );

/** A semver range in the forms the catalog conventions use (`^x.y.z`, `>=x.y.z <x.y.z`, ...). */
export const semverRange = z
  .string()
  .max(60)
  .regex(
    /^(?:(?:\^|~|>=|<=|>|<|=)?\d+\.\d+\.\d+)(?: (?:\^|~|>=|<=|>|<|=)?\d+\.\d+\.\d+)*$/,
    'must be a semver range such as ^2.4.0 or >=3.0.0 <4.0.0',
  );

/**
 * An API of the default namespace, by name or by the ref the template form's entity picker fills
 * in (`api:default/sales-orders-api`), read as its name.
 */
export const apiName = z
  .string()
  .max(200)
  .transform((ref, ctx) => {
    const name = /^(?:api:)?(?:default\/)?([a-z0-9-]+)$/.exec(ref)?.[1];
    const checked = entityName.safeParse(name);
    if (!checked.success) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be an API of the default namespace, such as sales-orders-api or api:default/sales-orders-api',
      });
      return z.NEVER;
    }
    return checked.data;
  });

const catalogNames = makeValidator();

/**
 * A business process: a Domain ref as the template form's entity picker writes it
 * (`domain:default/order-to-cash`), or a Domain's name (`order-to-cash`, in the default
 * namespace), read as its normalized ref. Any Domain the catalog could hold is accepted here;
 * whether it is one, and a business process, only the catalog can say (waybill:catalog:annotate
 * asks it). The name reaches shell lines and file names of the pipeline, so it must be a valid
 * catalog name.
 */
export const businessProcessRef = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, { defaultKind: 'domain' });
      if (
        ref.kind === 'domain' &&
        catalogNames.isValidNamespace(ref.namespace) &&
        catalogNames.isValidEntityName(ref.name)
      ) {
        return `domain:${ref.namespace}/${ref.name}`;
      }
    } catch {
      // not a ref at all; reported below
    }
    ctx.addIssue({
      code: 'custom',
      message:
        'must be a Domain ref such as domain:default/order-to-cash, or a Domain name',
    });
    return z.NEVER;
  });

const businessProcessList = z.array(businessProcessRef).max(20);
const eachOnce = (refs: string[]) => new Set(refs).size === refs.length;

/** A service's business processes, each once (a name and its ref are one); at most 20. */
export const businessProcessRefs = businessProcessList.refine(
  eachOnce,
  'must not repeat',
);

/** {@link businessProcessRefs}, at least one: what a service's catalog entity declares. */
export const requiredBusinessProcessRefs = businessProcessList
  .min(1, 'a service takes part in at least one business process')
  .refine(eachOnce, 'must not repeat');

/**
 * The names of a service's business processes, each once: what its pipeline checks the business
 * transactions of (`npm run test:business -- --process <name>`, `test/business/checks.json`).
 */
export function businessProcessNames(model: {
  businessProcesses: string[];
}): string[] {
  return [
    ...new Set(model.businessProcesses.map(ref => parseEntityRef(ref).name)),
  ];
}

/** An API the service consumes, with the provider versions it works with. */
export const apiRequirement = z.object({
  api: apiName.describe('The API entity, by name or ref'),
  range: semverRange.describe('Provider versions this service works with'),
});

/** The typed model every golden pipeline is rendered from. */
export const pipelineModelSchema = z
  .object({
    name: entityName.describe(
      'Component name; also the image and Kubernetes name',
    ),
    serviceKind: z.enum(SERVICE_KINDS).describe('What the service is'),
    language: z
      .enum(LANGUAGES)
      .default('typescript')
      .describe('Build toolchain'),
    tier: z
      .enum(TIERS)
      .describe('Service criticality tier; picks the strictness'),
    clouds: z
      .array(z.enum(CLOUDS))
      .min(1, 'choose at least one cloud')
      .max(CLOUDS.length)
      .refine(c => new Set(c).size === c.length, 'clouds must not repeat')
      .describe('Clouds to deploy to'),
    deployStrategy: z.enum(DEPLOY_STRATEGIES).default('rolling'),
    tenancy: z
      .enum(TENANCIES)
      .default('shared')
      .describe('Shared by many tenants, or a deployment per tenant'),
    ciProvider: z.enum(CI_PROVIDERS).default('github-actions'),
    businessProcesses: businessProcessRefs
      .default([])
      .describe(
        'Business processes (Domain refs or names) whose transactions are checked after the production rollout',
      ),
    contractApis: z
      .array(apiRequirement)
      .max(10)
      .default([])
      .describe(
        'Provider APIs the integration stage runs contract tests against',
      ),
    namespace: entityName
      .optional()
      .describe('Kubernetes namespace; defaults to the component name'),
  })
  .strict();

/** The pipeline model as written by a template (defaults not yet applied). */
export type PipelineModelInput = z.input<typeof pipelineModelSchema>;
/** The pipeline model with defaults applied. */
export type PipelineModel = z.output<typeof pipelineModelSchema>;

/** Parses a pipeline model, naming every bad field in one message. */
export function parsePipelineModel(value: unknown): PipelineModel {
  const result = pipelineModelSchema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `Invalid pipeline model: ${result.error.issues
        .map(i => `${i.path.join('.') || '(root)'} ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}
