import fs from 'node:fs';
import path from 'node:path';
import {
  catalogFile,
  registerLocation,
  RepoHost,
  tenantEntities,
  tenantsFor,
  TestTenant,
  waitForEntities,
} from './estate';
import { loadWorkflow, Workflow } from './github/workflow';
import { RunningWaybill } from './portal';
import { commitRepository, dryRunTemplate, Files, git } from './scaffold';

/** A service scaffolded through the real scaffolder, pushed, and registered in the catalog. */
export interface ScaffoldedService {
  template: string;
  name: string;
  entityRef: string;
  /** `owner/name` on GitHub, `group/project` on GitLab. */
  slug: string;
  tier: string;
  tenancy: 'shared' | 'dedicated';
  ciProvider: 'github-actions' | 'gitlab-ci';
  repoDir: string;
  sha: string;
  files: Files;
  tenants: TestTenant[];
  /** Where the repository's files are served (its `backstage.io/source-location`). */
  sourceLocation: string;
  dryRunMs: number;
}

/** Reads a scaffolded file as text. */
export function text(service: ScaffoldedService, file: string): string {
  const entry = service.files[file];
  if (!entry) throw new Error(`${service.name} has no ${file}`);
  return entry.content.toString('utf8');
}

/**
 * Once the catalog has the business processes `values` name, dry-runs `template` with `values`
 * through the running backend's scaffolder, commits the result as a new repository (`dir`),
 * serves it on the loopback Git host, and registers its `catalog-info.yaml` with eight tenants
 * depending on it; waits until the catalog has them.
 */
export async function scaffoldService(options: {
  waybill: RunningWaybill;
  userToken: string;
  host: RepoHost;
  template: string;
  values: Record<string, unknown> & {
    name: string;
    tier: string;
    tenancy: 'shared' | 'dedicated';
    ciProvider: 'github-actions' | 'gitlab-ci';
    /** The RepoUrlPicker's value, e.g. `github.com?owner=meridian&repo=pricing-quotes-api`. */
    repoUrl: string;
    clouds: string[];
    /** As the form's entity picker writes them: Domain refs, e.g. `domain:default/order-to-cash`. */
    businessProcesses: string[];
  };
  tenantPrefix: string;
  dir: string;
}): Promise<ScaffoldedService> {
  const { waybill, host, values } = options;
  const repoUrl = new URL(`https://${values.repoUrl}`);
  const slug = `${repoUrl.searchParams.get('owner')}/${repoUrl.searchParams.get(
    'repo',
  )}`;
  const tenants = tenantsFor(
    options.tenantPrefix,
    values.clouds as Array<'aws' | 'azure' | 'gcp'>,
  );
  // The template's annotate step looks the business processes up in the catalog: Domains of
  // the demo catalog the backend loads (examples/business-processes.yaml).
  await waitForEntities(waybill.url, waybill.token, values.businessProcesses);
  const { files, durationMs } = await dryRunTemplate({
    baseUrl: waybill.url,
    userToken: options.userToken,
    template: options.template,
    values: {
      ...values,
      ...(values.tenancy === 'dedicated'
        ? { dedicatedTenants: tenants.map(t => `resource:default/${t.name}`) }
        : {}),
    },
  });
  fs.rmSync(options.dir, { recursive: true, force: true });
  const sha = await commitRepository(options.dir, files);
  const sourceLocation = host.serveRepository(slug, options.dir);
  const service: ScaffoldedService = {
    template: options.template,
    name: values.name,
    entityRef: `component:default/${values.name}`,
    slug,
    tier: values.tier,
    tenancy: values.tenancy,
    ciProvider: values.ciProvider,
    repoDir: options.dir,
    sha,
    files,
    tenants,
    sourceLocation,
    dryRunMs: durationMs,
  };
  const location = host.serveCatalogFile(
    `${values.name}.yaml`,
    catalogFile({
      catalogInfo: text(service, 'catalog-info.yaml'),
      sourceLocation,
      tenants: tenantEntities(values.name, values.tenancy, tenants),
    }),
  );
  await registerLocation(waybill.url, waybill.token, location);
  await waitForEntities(waybill.url, waybill.token, [
    service.entityRef,
    ...tenants.map(t => `resource:default/${t.name}`),
  ]);
  return service;
}

/** The service's GitHub workflow, read by GitHub's parser. */
export async function githubWorkflow(
  service: ScaffoldedService,
): Promise<Workflow> {
  const file = '.github/workflows/golden-pipeline.yml';
  return loadWorkflow(file, text(service, file));
}

/** A new commit on main (e.g. a fix), answered by its sha. */
export async function commitChange(
  service: ScaffoldedService,
  file: string,
  content: string,
  message: string,
): Promise<string> {
  fs.writeFileSync(path.join(service.repoDir, file), content);
  await git(service.repoDir, 'add', '--all');
  await git(service.repoDir, 'commit', '--quiet', '--message', message);
  service.sha = await git(service.repoDir, 'rev-parse', 'HEAD');
  return service.sha;
}
