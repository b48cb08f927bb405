import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of waybill:pipeline:generate, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      'A critical TypeScript API on AWS and Azure, rolled out to shared tenants by wave through GitHub Actions',
    example: stringify({
      steps: [
        {
          id: 'pipeline',
          action: 'waybill:pipeline:generate',
          name: 'Render the golden pipeline',
          input: {
            name: 'pricing-quotes-api',
            serviceKind: 'api-service',
            tier: 'critical',
            clouds: ['aws', 'azure'],
            deployStrategy: 'canary',
            tenancy: 'shared',
            ciProvider: 'github-actions',
            businessProcesses: ['domain:default/order-to-cash'],
          },
        },
      ],
    }),
  },
  {
    description:
      'A standard ERP integration worker on GCP with contract tests against the purchase orders API, in GitLab CI',
    example: stringify({
      steps: [
        {
          id: 'pipeline',
          action: 'waybill:pipeline:generate',
          name: 'Render the golden pipeline',
          input: {
            name: 'supplier-invoice-sync',
            serviceKind: 'queue-worker',
            tier: 'standard',
            clouds: ['gcp'],
            ciProvider: 'gitlab-ci',
            businessProcesses: ['domain:default/procure-to-pay'],
            contractApis: [{ api: 'purchase-orders-api', range: '^2.0.0' }],
          },
        },
      ],
    }),
  },
  {
    description: 'Values from the template form',
    example: stringify({
      steps: [
        {
          id: 'pipeline',
          action: 'waybill:pipeline:generate',
          input: {
            name: '${{ parameters.name }}',
            serviceKind: 'web-app',
            tier: '${{ parameters.tier }}',
            clouds: '${{ parameters.clouds }}',
            ciProvider: '${{ parameters.ciProvider }}',
            tenancy: '${{ parameters.tenancy }}',
          },
        },
      ],
    }),
  },
];
