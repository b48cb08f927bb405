import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of waybill:repository:check, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      'Stop before rendering anything when the repository cannot be published',
    example: stringify({
      steps: [
        {
          id: 'repository',
          action: 'waybill:repository:check',
          name: 'Check the repository can be published',
          input: {
            repoUrl: 'github.com?owner=meridian&repo=pricing-quotes-api',
            ciProvider: 'github-actions',
          },
        },
      ],
    }),
  },
];
