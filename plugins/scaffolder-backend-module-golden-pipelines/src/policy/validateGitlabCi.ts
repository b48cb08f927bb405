import { Tier } from '@waybill/plugin-waybill-common';
import {
  checkJobCredentials,
  checkVariablesForStaticKeys,
} from './gitlabCi/credentials';
import { jobsOf, scriptsOf } from './gitlabCi/jobs';
import { checkImagesPinned, checkIncludesPinned } from './gitlabCi/pinning';
import { checkProductionProtection } from './gitlabCi/productionProtection';
import { checkJobStructure, checkRequiredStages } from './gitlabCi/stages';
import { checkUntrustedVariables } from './gitlabCi/untrustedInput';
import { isObj, parsePipelineYaml, violationsOf } from './pipelineYaml';
import { PolicyViolation } from './rules';

/** Checks a GitLab CI pipeline against the golden-pipeline policy. */
export function validateGitlabCi(
  content: string,
  file: string,
  tier: Tier,
): PolicyViolation[] {
  const { violations, add } = violationsOf(file);
  const pipeline = parsePipelineYaml(content, add);
  if (pipeline === undefined) return violations;
  if (!isObj(pipeline)) {
    add(
      'syntax',
      '(root)',
      'not a GitLab CI pipeline: the file is not a mapping',
    );
    return violations;
  }
  const jobs = jobsOf(pipeline);
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];

  checkJobStructure(add, jobs, stages);
  checkRequiredStages(add, tier, jobs);
  checkIncludesPinned(add, pipeline);
  checkImagesPinned(add, pipeline, jobs);
  checkVariablesForStaticKeys(add, pipeline.variables, 'variables');
  for (const [id, job] of Object.entries(jobs)) {
    const scripts = scriptsOf(job);
    checkJobCredentials(add, id, job, scripts.join('\n'));
    checkUntrustedVariables(add, id, scripts);
  }
  checkProductionProtection(add, tier, jobs);
  return violations;
}
