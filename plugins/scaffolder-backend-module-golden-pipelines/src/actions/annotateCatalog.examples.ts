import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of waybill:catalog:annotate, shown in the template editor. */
export const examples: TemplateExample[] = [
  {
    description:
      'A shared, critical service in order-to-cash that consumes the sales orders API',
    example: stringify({
      steps: [
        {
          id: 'annotate',
          action: 'waybill:catalog:annotate',
          name: 'Write the catalog annotations',
          input: {
            name: 'pricing-quotes-api',
            tier: 'critical',
            businessProcesses: ['domain:default/order-to-cash'],
            apiRequirements: [{ api: 'sales-orders-api', range: '^2.4.0' }],
            dependsOn: ['component:sales'],
          },
        },
      ],
    }),
  },
  {
    description:
      'A worker whose pipeline runs in the meridian/supplier-invoice-sync GitHub repository',
    example: stringify({
      steps: [
        {
          id: 'annotate',
          action: 'waybill:catalog:annotate',
          input: {
            name: 'supplier-invoice-sync',
            tier: 'standard',
            businessProcesses: ['domain:default/procure-to-pay'],
            repository: 'meridian/supplier-invoice-sync',
            ciProvider: 'github-actions',
          },
        },
      ],
    }),
  },
];
