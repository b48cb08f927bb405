import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of waybill:gitlab:deployment-gate, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      "Have Waybill's gate approve or reject every deployment to staging and production",
    example: stringify({
      steps: [
        {
          id: 'gitlab-deployment-gate',
          action: 'waybill:gitlab:deployment-gate',
          name: "Protect the environments with Waybill's gate",
          input: {
            repoUrl: 'gitlab.com?owner=meridian&repo=pricing-quotes-api',
            environments: ['staging', 'production'],
          },
        },
      ],
    }),
  },
];
