import fs from 'node:fs';
import path from 'node:path';
import { ActionEmulation, input, recordOnly } from './actionContext';

/** A CycloneDX 1.6 SBOM of a Node project's locked dependencies, as syft reads package-lock.json. */
function sbomOf(dir: string, generator: string) {
  const lockFile = path.join(dir, 'package-lock.json');
  if (!fs.existsSync(lockFile)) {
    throw new Error(`${generator}: ${dir} has no package-lock.json to catalog`);
  }
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
  const components = Object.entries(
    (lock.packages ?? {}) as Record<string, { name?: string; version: string }>,
  )
    .filter(([key]) => key)
    .map(([key, pkg]) => {
      const name =
        pkg.name ??
        key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const purl = `pkg:npm/${name.replace('@', '%40')}@${pkg.version}`;
      return {
        'bom-ref': purl,
        type: 'library',
        name,
        version: pkg.version,
        purl,
      };
    });
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', name: generator }] },
      component: { type: 'application', name: lock.name ?? 'service' },
    },
    components,
  };
}

/**
 * The supply-chain and code-scanning actions: the cosign and trivy installers record only (their
 * tools are the recording stubs on PATH), trivy-action runs the trivy stub, sbom-action writes a CycloneDX
 * SBOM of the lockfile, and CodeQL, which cannot run here, writes an empty SARIF file.
 */
export const SUPPLY_CHAIN_ACTIONS: Record<string, ActionEmulation> = {
  'sigstore/cosign-installer': recordOnly(
    'cosign is the recording stub on PATH',
  ),
  'aquasecurity/setup-trivy': recordOnly('trivy is the recording stub on PATH'),
  'aquasecurity/trivy-action': async ctx => {
    const scanType = input(ctx, 'scan-type', 'image');
    const args = [scanType];
    if (input(ctx, 'scanners')) args.push('--scanners', input(ctx, 'scanners'));
    if (input(ctx, 'severity')) args.push('--severity', input(ctx, 'severity'));
    if (input(ctx, 'format')) args.push('--format', input(ctx, 'format'));
    if (input(ctx, 'output')) args.push('--output', input(ctx, 'output'));
    if (input(ctx, 'exit-code')) {
      args.push('--exit-code', input(ctx, 'exit-code'));
    }
    args.push(
      scanType === 'image'
        ? input(ctx, 'image-ref')
        : input(ctx, 'scan-ref', '.'),
    );
    const result = await ctx.exec('trivy', args);
    ctx.log(result.stdout + result.stderr);
    if (result.code !== 0) {
      throw new Error(
        `aquasecurity/trivy-action: trivy exited with ${result.code}: ${result.stderr}`,
      );
    }
  },
  'anchore/sbom-action': async ctx => {
    const output = input(ctx, 'output-file');
    const format = input(ctx, 'format', 'spdx-json');
    if (format !== 'cyclonedx-json') {
      throw new Error(
        `anchore/sbom-action: the golden-path emulation writes cyclonedx-json, not ${format}`,
      );
    }
    const sbom = sbomOf(
      path.resolve(ctx.workspace, input(ctx, 'path', '.')),
      'syft',
    );
    if (output) {
      const file = path.resolve(ctx.workspace, output);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(sbom, null, 2));
    }
  },
  'github/codeql-action/init': recordOnly(
    'CodeQL cannot run here; recorded only',
  ),
  'github/codeql-action/analyze': async ctx => {
    // CodeQL writes one SARIF file per language into `output`.
    const output = input(ctx, 'output');
    if (output) {
      const dir = path.resolve(ctx.workspace, output);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'javascript.sarif'),
        JSON.stringify({
          version: '2.1.0',
          $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
          runs: [
            {
              tool: {
                driver: {
                  name: 'CodeQL',
                  semanticVersion: '2.21.3',
                  rules: [],
                },
              },
              results: [],
            },
          ],
        }),
      );
    }
    return { outputs: { 'sarif-output': output } };
  },
  'github/codeql-action/upload-sarif': recordOnly(
    'SARIF upload to code scanning: recorded only',
  ),
};
