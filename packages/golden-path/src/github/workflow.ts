import {
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  NoOperationTraceWriter,
  parseWorkflow,
  WorkflowTemplate,
} from '@actions/workflow-parser';
import { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { Job, Step } from '@actions/workflow-parser/model/workflow-template';
import { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';

/** One job of a workflow: GitHub's converted model, and its token as parsed (for the keys the model drops). */
export interface WorkflowJob {
  id: string;
  model: Job;
  /** The job's mapping as parsed: `permissions`, `timeout-minutes`, `defaults`, `continue-on-error`. */
  raw: MappingToken;
  needs: string[];
  /** Each step's mapping as parsed: `with`, `shell`, `working-directory`, `timeout-minutes`. */
  rawSteps: MappingToken[];
  steps: Step[];
}

/** A workflow read by GitHub's own parser (`@actions/workflow-parser`). */
export interface Workflow {
  path: string;
  template: WorkflowTemplate;
  /** The workflow's mapping as parsed: `permissions`, `defaults`, `env`. */
  raw: MappingToken;
  jobs: Map<string, WorkflowJob>;
}

/** The value of `key` in a parsed mapping. */
export function entry(
  mapping: TemplateToken | undefined,
  key: string,
): TemplateToken | undefined {
  if (!mapping || !isMapping(mapping)) return undefined;
  return mapping.find(key);
}

/**
 * Parses a workflow with `parseWorkflow` and converts it with `convertWorkflowTemplate`, as
 * GitHub's own tooling does; any error the parser or the converter reports (schema, expression
 * syntax, unknown needs, cycles) fails here with its messages.
 */
export async function loadWorkflow(
  path: string,
  content: string,
): Promise<Workflow> {
  const parsed = parseWorkflow(
    { name: path, content },
    new NoOperationTraceWriter(),
  );
  const parseErrors = parsed.context.errors.getErrors();
  if (!parsed.value || parseErrors.length > 0) {
    throw new Error(
      `${path} does not parse: ${parseErrors.map(e => e.message).join('; ')}`,
    );
  }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  if (template.errors?.length) {
    throw new Error(
      `${path} does not convert: ${template.errors
        .map(e => e.Message)
        .join('; ')}`,
    );
  }
  const raw = parsed.value as MappingToken;
  const rawJobs = entry(raw, 'jobs') as MappingToken;
  const jobs = new Map<string, WorkflowJob>();
  for (const job of template.jobs) {
    if (job.type !== 'job') {
      throw new Error(
        `${path}: job ${job.id.value} calls a reusable workflow, which this runner does not run`,
      );
    }
    const rawJob = entry(rawJobs, job.id.value) as MappingToken;
    const rawStepsToken = entry(rawJob, 'steps');
    const rawSteps: MappingToken[] = [];
    if (rawStepsToken && isSequence(rawStepsToken)) {
      for (let i = 0; i < rawStepsToken.count; i++) {
        rawSteps.push(rawStepsToken.get(i) as MappingToken);
      }
    }
    if (rawSteps.length !== job.steps.length) {
      throw new Error(
        `${path}: job ${job.id.value} has ${rawSteps.length} steps in YAML but ${job.steps.length} converted`,
      );
    }
    jobs.set(job.id.value, {
      id: job.id.value,
      model: job,
      raw: rawJob,
      needs: (job.needs ?? []).map(n => n.value),
      rawSteps,
      steps: job.steps,
    });
  }
  return { path, template, raw, jobs };
}
