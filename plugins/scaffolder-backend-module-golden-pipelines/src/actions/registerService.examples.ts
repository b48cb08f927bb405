import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of waybill:catalog:register, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      'Register the catalog file of the repository the task has just published to GitHub',
    example: stringify({
      steps: [
        {
          id: 'register',
          action: 'waybill:catalog:register',
          name: 'Register in the catalog',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            repoContentsUrl:
              "${{ steps['publish-github'].output.repoContentsUrl }}",
            catalogInfoPath: '/catalog-info.yaml',
          },
        },
      ],
    }),
  },
];
