import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import fs from 'node:fs/promises';
import { TIERS } from '@waybill/plugin-waybill-common';
import { z as zod } from 'zod/v3';
import {
  CI_PROVIDERS,
  apiRequirement,
  requiredBusinessProcessRefs,
  entityName,
  entityRefString,
  repositoryProject,
} from '../pipeline/model';
import { annotateCatalogInfo } from '../catalog/annotateCatalogInfo';
import { assertBusinessProcesses } from '../catalog/businessProcessCheck';
import { parseActionInput, targetPathInput } from './actionInput';
import { examples } from './annotateCatalog.examples';
import { createWaybillAction } from './waybillAction';

/** The id of the annotate action. */
export const ANNOTATE_CATALOG_ACTION_ID = 'waybill:catalog:annotate';

const inputSchema = zod
  .object({
    targetPath: targetPathInput,
    filePath: zod
      .string()
      .regex(/^[A-Za-z0-9._/-]+$/)
      .default('catalog-info.yaml')
      .describe('The catalog file, relative to targetPath'),
    name: entityName.describe('Name of the Component to annotate'),
    tier: zod.enum(TIERS),
    businessProcesses: requiredBusinessProcessRefs.describe(
      'Business processes: Domain refs (domain:default/order-to-cash) or names, each a Domain of spec.type business-process in the catalog',
    ),
    apiRequirements: zod.array(apiRequirement).max(20).default([]),
    system: zod
      .union([entityRefString, zod.literal('')])
      .optional()
      .describe('The System the component belongs to (empty: none)'),
    dependsOn: zod
      .array(entityRefString)
      .max(50)
      .default([])
      .describe('Full refs (component:inventory, resource:sales-db)'),
    repository: zod
      .union([repositoryProject, zod.literal('')])
      .optional()
      .describe(
        "The service's repository; its pipelines may report to Waybill for this entity only from there",
      ),
    ciProvider: zod.enum(CI_PROVIDERS).default('github-actions'),
  })
  .strict();

/**
 * Writes Waybill's catalog annotations (tier, business processes, API requirements, rollout
 * strategy, repository) and relations into a new service's catalog-info.yaml, validated as the
 * catalog would validate it. The business processes must be business processes of the catalog
 * (Domains of spec.type business-process), as the person running the template sees it. Tenants
 * are not written here: a tenant joins a service through its own `spec.dependsOn`, which the
 * platform team curates.
 */
export function createAnnotateCatalogAction(options: {
  catalog: CatalogService;
}) {
  return createWaybillAction({
    id: ANNOTATE_CATALOG_ACTION_ID,
    description:
      "Writes Waybill's catalog annotations (tier, business processes, API requirements, rollout strategy file, repository) and dependsOn / consumesApis into catalog-info.yaml, and validates the entity. Each business process must be a Domain of spec.type business-process in the catalog.",
    examples,
    input: inputSchema,
    output: z => ({
      entityRef: z.string().describe('Ref of the annotated Component'),
      annotations: z.record(z.string()).describe('Annotations of the entity'),
    }),
    async handler(ctx) {
      const input = parseActionInput(inputSchema, ctx.input);
      await assertBusinessProcesses(
        options.catalog,
        input.businessProcesses,
        await ctx.getInitiatorCredentials(),
      );
      const file = resolveSafeChildPath(
        resolveSafeChildPath(ctx.workspacePath, input.targetPath),
        input.filePath,
      );
      const original = await fs.readFile(file, 'utf8').catch(() => {
        throw new InputError(
          `${input.filePath} does not exist in the workspace`,
        );
      });
      const { content, entity } = await annotateCatalogInfo(
        original,
        input.name,
        {
          tier: input.tier,
          businessProcesses: input.businessProcesses,
          apiRequirements: input.apiRequirements,
          dependsOn: input.dependsOn,
          system: input.system || undefined,
          repository: input.repository
            ? { ciProvider: input.ciProvider, project: input.repository }
            : undefined,
        },
      );
      await ctx.checkpoint({
        key: `waybill-catalog-annotate-${input.name}`,
        fn: async () => {
          await fs.writeFile(file, content, 'utf8');
        },
      });
      ctx.output('entityRef', stringifyEntityRef(entity));
      ctx.output(
        'annotations',
        (entity.metadata.annotations ?? {}) as Record<string, string>,
      );
    },
  });
}
