import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** A template's step that renders the golden pipeline from `input`, named `name` when given. */
function generateStep(input: Record<string, unknown>, name?: string): string {
  return stringify({
    steps: [
      {
        id: 'pipeline',
        action: 'waybill:pipeline:generate',
        ...(name ? { name } : {}),
        input,
      },
    ],
  });
}

/** Examples of waybill:pipeline:generate, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      'A critical TypeScript API on AWS and Azure, rolled out to shared tenants by wave through GitHub Actions',
    example: generateStep(
      {
        name: 'pricing-quotes-api',
        serviceKind: 'api-service',
        tier: 'critical',
        clouds: ['aws', 'azure'],
        deployStrategy: 'canary',
        tenancy: 'shared',
        ciProvider: 'github-actions',
        businessProcesses: ['domain:default/order-to-cash'],
      },
      'Render the golden pipeline',
    ),
  },
  {
    description:
      'A standard ERP integration worker on GCP with contract tests against the purchase orders API, in GitLab CI',
    example: generateStep(
      {
        name: 'supplier-invoice-sync',
        serviceKind: 'queue-worker',
        tier: 'standard',
        clouds: ['gcp'],
        ciProvider: 'gitlab-ci',
        businessProcesses: ['domain:default/procure-to-pay'],
        contractApis: [{ api: 'purchase-orders-api', range: '^2.0.0' }],
      },
      'Render the golden pipeline',
    ),
  },
  {
    description: 'Values from the template form',
    example: generateStep({
      name: '${{ parameters.name }}',
      serviceKind: 'web-app',
      tier: '${{ parameters.tier }}',
      clouds: '${{ parameters.clouds }}',
      ciProvider: '${{ parameters.ciProvider }}',
      tenancy: '${{ parameters.tenancy }}',
    }),
  },
];
