import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parsePipelineModel, pipelineModelSchema } from '../pipeline/model';
import { generatePipeline } from '../pipeline/generate';
import { targetPathInput } from './actionInput';
import { examples } from './generatePipeline.examples';
import { createWaybillAction } from './waybillAction';

/** The id of the generate action. */
export const GENERATE_PIPELINE_ACTION_ID = 'waybill:pipeline:generate';

const inputSchema = pipelineModelSchema.extend({
  targetPath: targetPathInput,
});

/**
 * Renders the golden pipeline (GitHub Actions or GitLab CI) and the rollout strategy of a
 * service from the typed pipeline model into the workspace.
 */
export function createGeneratePipelineAction() {
  return createWaybillAction({
    id: GENERATE_PIPELINE_ACTION_ID,
    description:
      'Renders a policy-compliant CI/CD pipeline (GitHub Actions or GitLab CI) and the tenant rollout strategy from a typed pipeline model.',
    examples,
    input: inputSchema,
    output: z => ({
      files: z
        .array(z.string())
        .describe('Files written, relative to targetPath'),
      pipelinePath: z.string().describe('The pipeline file'),
      stages: z.array(z.string()).describe('Stages of the pipeline, in order'),
      waves: z
        .array(z.string())
        .describe('Tenant waves of the production rollout'),
    }),
    async handler(ctx) {
      const { targetPath, ...modelInput } = ctx.input;
      const model = parsePipelineModel(modelInput);
      const root = resolveSafeChildPath(ctx.workspacePath, targetPath ?? '.');
      const { plan, files } = generatePipeline(model);
      const written = await ctx.checkpoint({
        key: `waybill-pipeline-generate-${model.name}-${model.ciProvider}`,
        fn: async () => {
          for (const file of files) {
            const target = resolveSafeChildPath(root, file.path);
            await fs.mkdir(path.dirname(target), { recursive: true });
            await fs.writeFile(target, file.content, 'utf8');
          }
          return files.map(f => f.path);
        },
      });
      ctx.logger.info(
        `Rendered the ${model.tier} golden pipeline of ${model.name} for ${
          model.ciProvider
        }: ${plan.stages.length} stages, ${
          plan.jobs.length
        } jobs, waves ${plan.waves.join(' → ')}`,
      );
      ctx.output('files', written);
      ctx.output('pipelinePath', files[0].path);
      ctx.output('stages', plan.stages);
      ctx.output('waves', plan.waves);
    },
  });
}
