import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of waybill:github:deployment-gate, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      "Have Waybill's gate approve or reject every deployment to staging and production",
    example: stringify({
      steps: [
        {
          id: 'deployment-gate',
          action: 'waybill:github:deployment-gate',
          name: "Protect the environments with Waybill's gate",
          input: {
            repoUrl: 'github.com?owner=meridian&repo=pricing-quotes-api',
            environments: ['staging', 'production'],
          },
        },
      ],
    }),
  },
];
