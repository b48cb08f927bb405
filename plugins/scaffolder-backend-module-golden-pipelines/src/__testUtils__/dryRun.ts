/**
 * Templates through a real scaffolder dry run: the backend the dry-run tests start, the form
 * values each template is rendered with, and the files a dry run answers.
 */
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleGoldenPipelines } from '../module';
import { testDomains } from './businessProcesses';
import { TEMPLATES_DIR, directoryContents } from './templateFiles';

/** The Service and ERP pages of each template's form, filled in as a developer would. */
export const BASE_VALUES: Record<string, Record<string, unknown>> = {
  'api-service': {
    name: 'pricing-quotes-api',
    description: 'Quotes contract prices for trade customers (order-to-cash).',
    owner: 'group:default/digital-channels',
    system: 'customer-channels',
    // As the form's entity picker fills them in.
    businessProcesses: ['domain:default/order-to-cash'],
    tenancy: 'shared',
    consumedApis: [{ api: 'api:default/sales-orders-api', range: '^2.4.0' }],
    dependsOn: ['component:default/sales'],
  },
  'erp-integration-worker': {
    name: 'supplier-invoice-sync',
    description: 'Consumes supplier invoices and posts them to purchase.',
    owner: 'group:default/procurement-systems',
    businessProcesses: [
      'domain:default/procure-to-pay',
      'domain:default/record-to-report',
    ],
    // As the form's entity picker fills it in.
    erpApi: 'api:default/purchase-orders-api',
    erpApiRange: '>=2.0.0 <3.0.0',
    erpComponent: 'component:default/purchase',
    queue: 'supplier-invoices.received',
    tenancy: 'dedicated',
  },
  'customer-web-app': {
    name: 'order-tracking-web',
    description: 'Lets trade customers follow their orders and deliveries.',
    owner: 'group:default/order-management',
    businessProcesses: ['domain:default/order-to-cash'],
    tenancy: 'shared',
  },
};

/** A standard tier on AWS with GitHub Actions: the Delivery page, completing a form. */
export function deliveryValues(templateName: string): Record<string, unknown> {
  return {
    tier: 'standard',
    clouds: ['aws'],
    ciProvider: 'github-actions',
    deployStrategy: 'rolling',
    repoUrl: `github.com?owner=meridian&repo=${BASE_VALUES[templateName].name}`,
  };
}

/** A template as the dry run takes it: its parsed template.yaml and every file, base64. */
export function templateInput(templateName: string) {
  const dir = path.join(TEMPLATES_DIR, templateName);
  return {
    template: parse(fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8')),
    directoryContents: directoryContents(dir),
  };
}

export type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

/**
 * The scaffolder with Waybill's actions and the publish actions, which a dry run skips (with
 * catalog:register) and simulates the outputs of; the catalog holds the Domains of
 * testDomains(), which waybill:catalog:annotate looks the business processes up in.
 */
export async function startDryRunBackend(): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleGoldenPipelines,
      githubModule,
      gitlabModule,
      catalogServiceMock.factory({ entities: testDomains() }),
    ],
  });
  return server;
}

/** A dry run of a template with exactly `values`, as a person. */
export function dryRun(
  server: Server,
  templateName: string,
  values: Record<string, unknown>,
) {
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({ ...templateInput(templateName), values });
}

/** The files a dry run rendered, by path, as text. */
export function renderedFiles(body: {
  directoryContents: Array<{ path: string; base64Content: string }>;
}): Record<string, string> {
  return Object.fromEntries(
    body.directoryContents.map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

/**
 * The files of a dry run that must have gone through: it answered 200 (else the error names
 * the answer) and no step failed.
 */
export function expectDryRunRendered(res: {
  status: number;
  body: any;
}): Record<string, string> {
  if (res.status !== 200) {
    throw new Error(
      `dry run answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  const failed = res.body.log
    .map((l: { body: { status?: string; message: string } }) => l.body)
    .filter((b: { status?: string }) => b.status === 'failed');
  expect(failed).toEqual([]);
  return renderedFiles(res.body);
}
