import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { z as zod } from 'zod/v3';
import {
  TIERS,
  Tier,
  WAYBILL_ANNOTATIONS,
  isTier,
} from '@waybill/plugin-waybill-common';
import { PolicyViolation } from '../policy/rules';
import {
  formatViolations,
  pipelineProviderOf,
  validatePipelineFile,
} from '../policy/validatePipeline';
import { targetPathInput } from './actionInput';
import { examples } from './validatePipeline.examples';
import { createWaybillAction } from './waybillAction';

/** The id of the validate action. */
export const VALIDATE_PIPELINE_ACTION_ID = 'waybill:pipeline:validate';

const inputSchema = zod.object({
  targetPath: targetPathInput,
  tier: zod
    .enum(TIERS)
    .optional()
    .describe(
      `Service tier; read from catalog-info.yaml (${WAYBILL_ANNOTATIONS.tier}) when omitted`,
    ),
  files: zod
    .array(zod.string().regex(/^[A-Za-z0-9._/-]+$/))
    .optional()
    .describe(
      'Pipeline files to check; by default .github/workflows/*.yml and .gitlab-ci.yml',
    ),
  failOnViolation: zod
    .boolean()
    .default(true)
    .describe('Fail the step when the pipeline breaks the policy'),
});

async function exists(p: string) {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

async function discover(root: string): Promise<string[]> {
  const found: string[] = [];
  const workflows = resolveSafeChildPath(root, '.github/workflows');
  if (await exists(workflows)) {
    for (const name of (await fs.readdir(workflows)).sort()) {
      if (/\.ya?ml$/.test(name)) found.push(`.github/workflows/${name}`);
    }
  }
  for (const name of ['.gitlab-ci.yml', '.gitlab-ci.yaml']) {
    if (await exists(resolveSafeChildPath(root, name))) found.push(name);
  }
  return found;
}

/** The tiers as the messages name them: `critical, standard or internal`. */
function tierList(): string {
  return `${TIERS.slice(0, -1).join(', ')} or ${TIERS[TIERS.length - 1]}`;
}

async function tierFromCatalog(root: string): Promise<Tier> {
  const file = resolveSafeChildPath(root, 'catalog-info.yaml');
  if (!(await exists(file))) {
    throw new InputError(
      `No tier given and no catalog-info.yaml to read ${WAYBILL_ANNOTATIONS.tier} from`,
    );
  }
  const entity = parse(await fs.readFile(file, 'utf8'));
  const tier = entity?.metadata?.annotations?.[WAYBILL_ANNOTATIONS.tier];
  if (!isTier(tier)) {
    throw new InputError(
      `catalog-info.yaml has no valid ${
        WAYBILL_ANNOTATIONS.tier
      } annotation (${tierList()}); got ${JSON.stringify(tier)}`,
    );
  }
  return tier;
}

/**
 * Checks the pipeline files of a repository against the golden-pipeline policy and fails with
 * one precise line per violation.
 */
export function createValidatePipelineAction() {
  return createWaybillAction({
    id: VALIDATE_PIPELINE_ACTION_ID,
    description:
      'Checks GitHub Actions workflows and GitLab CI pipelines against the golden-pipeline policy: required stages for the tier, OIDC-only cloud access, least-privilege permissions, actions pinned by commit SHA, no untrusted input in scripts, protected production environments.',
    examples,
    input: inputSchema,
    output: z => ({
      files: z.array(z.string()).describe('Files checked'),
      tier: z.string().describe('Tier the files were checked for'),
      violations: z
        .array(
          z.object({
            rule: z.string(),
            file: z.string(),
            location: z.string(),
            message: z.string(),
          }),
        )
        .describe('Violations found (empty when the pipeline complies)'),
    }),
    async handler(ctx) {
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.targetPath ?? '.',
      );
      const tier = ctx.input.tier ?? (await tierFromCatalog(root));
      const files = ctx.input.files ?? (await discover(root));
      if (files.length === 0) {
        throw new InputError(
          'No pipeline to validate: expected .github/workflows/*.yml or .gitlab-ci.yml',
        );
      }
      const violations: PolicyViolation[] = [];
      for (const file of files) {
        if (!pipelineProviderOf(file)) {
          throw new InputError(
            `${file} is neither a GitHub Actions workflow (.github/workflows/*.yml) nor .gitlab-ci.yml`,
          );
        }
        const full = resolveSafeChildPath(root, file);
        if (!(await exists(full)))
          throw new InputError(`${file} does not exist`);
        violations.push(
          ...validatePipelineFile(file, await fs.readFile(full, 'utf8'), tier),
        );
      }
      ctx.output('files', files);
      ctx.output('tier', tier);
      ctx.output('violations', violations);
      if (violations.length > 0) {
        const report = formatViolations(violations);
        if (ctx.input.failOnViolation ?? true) {
          throw new InputError(
            `The pipeline breaks the ${tier} policy in ${violations.length} place(s):\n${report}`,
          );
        }
        ctx.logger.warn(report);
      } else {
        ctx.logger.info(
          `${files.join(', ')} comply with the ${tier} pipeline policy`,
        );
      }
    },
  });
}
