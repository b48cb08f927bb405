/*
 * The scanners' stubs: trivy (a CycloneDX SBOM of a directory's lockfile or of an SBOM, with
 * the vulnerabilities config.json sets) and semgrep (an empty SARIF file).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const {
  args,
  config,
  readJson,
  out,
  fail,
  unknown,
  parse,
} = require('./stubKit.cjs');

function componentsOfDirectory(dir) {
  const lock = readJson(path.join(dir, 'package-lock.json'), undefined);
  if (!lock) return [];
  const components = [];
  const seen = new Set();
  for (const [key, pkg] of Object.entries(lock.packages ?? {})) {
    if (!key) continue;
    const name =
      pkg.name ??
      key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const purl = `pkg:npm/${name.replace('@', '%40')}@${pkg.version}`;
    if (seen.has(purl)) continue;
    seen.add(purl);
    components.push({
      'bom-ref': purl,
      type: 'library',
      name,
      version: pkg.version,
      purl,
    });
  }
  return components;
}

function cycloneDx(components, vulnerabilities, subject) {
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${crypto.randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: new Date().toISOString(),
      tools: {
        components: [
          {
            type: 'application',
            group: 'aquasecurity',
            name: 'trivy',
            version: '0.66.0',
          },
        ],
      },
      component: { 'bom-ref': 'subject', type: 'application', name: subject },
    },
    components,
    dependencies: [],
    vulnerabilities,
  };
}

function trivy() {
  const [verb, ...rest] = args;
  if (verb === '--version' || verb === 'version') {
    out('Version: 0.66.0 (golden-path stub)');
    return;
  }
  const p = parse(rest, {
    values: [
      '--format',
      '-f',
      '--output',
      '-o',
      '--scanners',
      '--severity',
      '--exit-code',
      '--skip-dirs',
      '--cache-dir',
    ],
    booleans: ['--quiet', '-q', '--ignore-unfixed', '--no-progress'],
  });
  const [input] = p.positionals;
  if (!input) unknown(`${verb} without a target`);
  let components;
  if (verb === 'fs') {
    if (!fs.existsSync(input))
      fail(`FATAL\tscan error: ${input}: no such file or directory`);
    components = componentsOfDirectory(input);
  } else if (verb === 'sbom') {
    const sbom = readJson(input, undefined);
    if (!sbom || sbom.bomFormat !== 'CycloneDX')
      fail(`FATAL\t${input} is not a CycloneDX SBOM`);
    components = sbom.components ?? [];
  } else {
    unknown();
  }
  const format = p.one('--format', '-f') ?? 'table';
  if (format !== 'cyclonedx') unknown(`--format ${format}`);
  const vulnerabilities = (config.trivy?.vulnerabilities ?? []).map(v => {
    const affected = components.find(c => c.name === v.package) ??
      components[0] ?? { 'bom-ref': 'subject' };
    return {
      id: v.id,
      source: { name: 'ghsa', url: `https://github.com/advisories/${v.id}` },
      ratings: [
        {
          source: { name: 'ghsa' },
          score: v.score ?? 9.8,
          severity: v.severity,
          method: 'CVSSv31',
        },
      ],
      description:
        v.description ?? `${v.id} in ${affected.name ?? 'the service'}`,
      affects: [{ ref: affected['bom-ref'] }],
    };
  });
  const bom = JSON.stringify(
    cycloneDx(components, vulnerabilities, path.basename(path.resolve(input))),
    null,
    2,
  );
  const output = p.one('--output', '-o');
  if (output) {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, bom);
  } else {
    out(bom);
  }
  const exitCode = Number(p.one('--exit-code') ?? 0);
  if (exitCode && vulnerabilities.length > 0) process.exit(exitCode);
}

function semgrep() {
  const [verb, ...rest] = args;
  if (verb !== 'scan') unknown();
  const p = parse(rest, {
    values: ['--config', '--output', '-o'],
    booleans: ['--sarif', '--error', '--quiet'],
  });
  const output = p.one('--output', '-o');
  if (!p.has('--sarif') || !output) unknown('scan without --sarif --output');
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(
    output,
    JSON.stringify({
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        { tool: { driver: { name: 'Semgrep OSS', rules: [] } }, results: [] },
      ],
    }),
  );
}

module.exports = { trivy, semgrep };
