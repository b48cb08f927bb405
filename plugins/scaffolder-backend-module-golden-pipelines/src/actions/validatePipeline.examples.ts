import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of waybill:pipeline:validate, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      'Check every pipeline in the workspace against the tier in catalog-info.yaml',
    example: stringify({
      steps: [
        {
          id: 'validate',
          action: 'waybill:pipeline:validate',
          name: 'Check the pipeline against policy',
        },
      ],
    }),
  },
  {
    description:
      'Check one workflow for the critical tier and report violations without failing',
    example: stringify({
      steps: [
        {
          id: 'validate',
          action: 'waybill:pipeline:validate',
          input: {
            tier: 'critical',
            files: ['.github/workflows/golden-pipeline.yml'],
            failOnViolation: false,
          },
        },
      ],
    }),
  },
];
