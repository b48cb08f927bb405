/*
 * The recording stand-ins for commands that reach a cloud or a cluster. Each command on PATH is a
 * two-line wrapper: `exec node stub.cjs <stub directory> <command> "$@"`. This file appends the
 * call (argv, working directory, the CI job) as one JSON line to <stub directory>/calls.jsonl,
 * then answers what the pipeline needs to go on, as the real tool would. A command or flag it
 * does not know fails (exit 2) naming itself, so a new pipeline command is noticed, never
 * silently accepted. What it answers can be set per test in <stub directory>/config.json
 * (see stubs.ts: StubConfig). Kept in CommonJS with no dependency: it starts for every call.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const [, , stubDir, command, ...args] = process.argv;

function readJson(file, fallback) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}

const config = readJson(path.join(stubDir, 'config.json'), {});
const env = process.env;

fs.appendFileSync(
  path.join(stubDir, 'calls.jsonl'),
  `${JSON.stringify({
    command,
    args,
    cwd: process.cwd(),
    job: env.GOLDEN_PATH_JOB || env.GITHUB_JOB || env.CI_JOB_NAME || null,
    at: new Date().toISOString(),
  })}\n`,
);

function out(text) {
  process.stdout.write(`${text}\n`);
}

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** An argv this stub does not know: fail loudly, so the test names the new command. */
function unknown(what) {
  fail(
    `golden-path stub: ${command} does not know ${what ?? 'this call'}: ${[
      command,
      ...args,
    ].join(' ')}`,
    2,
  );
}

const sha256 = text => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Splits argv into positionals and flags. `spec` names the flags that take a value; every other
 * flag must be listed in `booleans`, or the call is unknown. `--flag=value` is accepted for both.
 */
function parse(argv, spec) {
  const values = {};
  const positionals = [];
  const takesValue = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (takesValue.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) unknown(`${name} without a value`);
      (values[name] ??= []).push(value);
    } else if (booleans.has(name)) {
      values[name] = [eq > 0 ? arg.slice(eq + 1) : 'true'];
    } else {
      unknown(`the flag ${name}`);
    }
  }
  const one = (...names) => {
    for (const n of names)
      if (values[n]) return values[n][values[n].length - 1];
    return undefined;
  };
  return {
    positionals,
    values,
    one,
    has: (...names) => names.some(n => values[n]),
  };
}

const stateDir = path.join(stubDir, 'state');
function stateFile(...parts) {
  return path.join(stateDir, ...parts.map(p => encodeURIComponent(p)));
}
function readState(...parts) {
  try {
    return fs.readFileSync(stateFile(...parts), 'utf8');
  } catch {
    return undefined;
  }
}
function writeState(value, ...parts) {
  const file = stateFile(...parts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, value);
}

function readStdin() {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- kubectl

function kubectl() {
  const p = parse(args, {
    values: [
      '--namespace',
      '-n',
      '--context',
      '--kubeconfig',
      '-k',
      '-f',
      '--filename',
      '--kustomize',
      '-o',
      '--output',
      '--timeout',
      '--replicas',
      '--type',
      '-p',
      '--patch',
      '--to-revision',
      '--revision',
      '--field-manager',
    ],
    booleans: ['--server-side', '--record', '--wait', '--overwrite'],
  });
  const namespace = p.one('--namespace', '-n') ?? 'default';
  const [verb, ...rest] = p.positionals;
  const target = (value, what) => {
    const [kind, name] = (value ?? '').split('/');
    if (!name || !/^(deployment|deployments|deploy)$/.test(kind)) {
      unknown(what);
    }
    return name;
  };
  const failing = (config.kubectl?.failRolloutStatus ?? []).some(
    f => f === namespace || f === `${namespace}/${rest[1]?.split('/')[1]}`,
  );
  switch (verb) {
    case 'apply': {
      const dir = p.one('-k', '--kustomize');
      const file = p.one('-f', '--filename');
      if (dir) {
        const found = [
          'kustomization.yaml',
          'kustomization.yml',
          'Kustomization',
        ].some(f => fs.existsSync(path.join(dir, f)));
        if (!found) {
          fail(
            `error: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${path.resolve(
              dir,
            )}'`,
          );
        }
        out(`kustomization ${dir} applied in namespace ${namespace}`);
        return;
      }
      if (file) {
        if (file !== '-' && !fs.existsSync(file)) {
          fail(`error: the path "${file}" does not exist`);
        }
        out(`${file} applied in namespace ${namespace}`);
        return;
      }
      unknown('apply without -k or -f');
      return;
    }
    case 'set': {
      if (rest[0] !== 'image') unknown();
      const name = target(rest[1], 'set image without deployment/NAME');
      const images = rest.slice(2);
      if (images.length === 0 || images.some(i => !/^[^=]+=.+$/.test(i))) {
        unknown('set image without CONTAINER=IMAGE');
      }
      for (const image of images) {
        const [container, ref] = image.split('=');
        const previous = readState('kubectl', namespace, name, container);
        if (previous)
          writeState(
            previous,
            'kubectl',
            namespace,
            name,
            `${container}.previous`,
          );
        writeState(ref, 'kubectl', namespace, name, container);
      }
      out(`deployment.apps/${name} image updated`);
      return;
    }
    case 'rollout': {
      const [sub, ref] = rest;
      const name = target(ref, `rollout ${sub} without deployment/NAME`);
      if (sub === 'status') {
        if (failing) {
          fail(`error: deployment "${name}" exceeded its progress deadline`);
        }
        out(`deployment "${name}" successfully rolled out`);
      } else if (sub === 'history') {
        out(`deployment.apps/${name}`);
        out('REVISION  CHANGE-CAUSE');
        out('1         <none>');
        out('2         <none>');
      } else if (sub === 'undo') {
        const previous = readState('kubectl', namespace, name, 'app.previous');
        if (previous) writeState(previous, 'kubectl', namespace, name, 'app');
        out(`deployment.apps/${name} rolled back`);
      } else if (sub === 'restart') {
        out(`deployment.apps/${name} restarted`);
      } else {
        unknown(`rollout ${sub}`);
      }
      return;
    }
    case 'get': {
      const [kind, name] = rest;
      const output = p.one('-o', '--output') ?? '';
      if (
        /^(service|services|svc)$/.test(kind) &&
        output.startsWith('jsonpath=')
      ) {
        if (!output.includes('.spec.selector'))
          unknown(`get service -o ${output}`);
        out(config.kubectl?.serviceTrack ?? 'blue');
        return;
      }
      if (
        /^(deployment|deployments|deploy)$/.test(kind) &&
        output.startsWith('jsonpath=')
      ) {
        if (!output.includes('image')) unknown(`get deployment -o ${output}`);
        out(
          readState('kubectl', namespace, name, 'app') ??
            config.kubectl?.liveImage ??
            `registry.example.com/${name}@sha256:${sha256(`live:${name}`)}`,
        );
        return;
      }
      unknown(`get ${kind} -o ${output}`);
      return;
    }
    case 'scale': {
      const name = target(rest[0], 'scale without deployment/NAME');
      if (!p.one('--replicas')) unknown('scale without --replicas');
      out(`deployment.apps/${name} scaled`);
      return;
    }
    case 'patch': {
      const [kind, name] = rest;
      if (!/^(service|svc)$/.test(kind) || !name) unknown(`patch ${kind}`);
      const patch = p.one('-p', '--patch');
      try {
        JSON.parse(patch);
      } catch {
        fail(`error: unable to parse "${patch}": not valid JSON`);
      }
      out(`service/${name} patched`);
      return;
    }
    case 'version':
      out('Client Version: v1.33.0 (golden-path stub)');
      return;
    default:
      unknown();
  }
}

// ---------------------------------------------------------------- helm

function helm() {
  const p = parse(args, {
    values: [
      '--namespace',
      '-n',
      '--set',
      '--values',
      '-f',
      '--version',
      '--timeout',
      '-o',
      '--output',
    ],
    booleans: [
      '--install',
      '--wait',
      '--atomic',
      '--create-namespace',
      '--strict',
    ],
  });
  const [verb, release] = p.positionals;
  switch (verb) {
    case 'upgrade':
      if (!p.has('--install') && !release) unknown();
      out(`Release "${release}" has been upgraded. Happy Helming!`);
      return;
    case 'rollback':
      out('Rollback was a success! Happy Helming!');
      return;
    case 'history':
      out('REVISION\tSTATUS\n1\tsuperseded\n2\tdeployed');
      return;
    case 'status':
      out(`NAME: ${release}\nSTATUS: deployed`);
      return;
    case 'lint':
      out('1 chart(s) linted, 0 chart(s) failed');
      return;
    default:
      unknown();
  }
}

// ---------------------------------------------------------------- terraform

function terraform() {
  let rest = args;
  let dir = '.';
  if (rest[0]?.startsWith('-chdir=')) {
    dir = rest[0].slice('-chdir='.length);
    rest = rest.slice(1);
  }
  const [verb, ...flags] = rest;
  const known = {
    fmt: ['-check', '-recursive', '-diff'],
    init: ['-backend=false', '-input=false', '-upgrade'],
    validate: ['-no-color'],
    version: [],
  };
  if (!known[verb]) unknown();
  for (const f of flags)
    if (!known[verb].includes(f)) unknown(`terraform ${verb} ${f}`);
  if (verb === 'version') {
    out('Terraform v1.12.2 (golden-path stub)');
    return;
  }
  const tf =
    fs.existsSync(dir) && fs.readdirSync(dir).filter(f => f.endsWith('.tf'));
  if (!tf || tf.length === 0) {
    fail(
      `Error: No configuration files\n\nThe directory ${dir} contains no Terraform configuration files.`,
    );
  }
  if (verb === 'init') out('Terraform has been successfully initialized!');
  if (verb === 'validate') out('Success! The configuration is valid.');
}

// ---------------------------------------------------------------- clouds

function aws() {
  const [service, op] = args;
  const p = parse(args.slice(2), {
    values: [
      '--name',
      '--region',
      '--role-arn',
      '--alias',
      '--output',
      '--query',
    ],
    booleans: [],
  });
  if (service === 'eks' && op === 'update-kubeconfig') {
    if (!p.one('--name') || !p.one('--region'))
      unknown('update-kubeconfig without --name and --region');
    out(
      `Added new context arn:aws:eks:${p.one(
        '--region',
      )}:123456789012:cluster/${p.one('--name')} to kubeconfig`,
    );
    return;
  }
  if (service === 'sts' && op === 'get-caller-identity') {
    out(
      JSON.stringify({
        UserId: 'AROAGOLDENPATH:golden-path',
        Account: '123456789012',
        Arn: 'arn:aws:sts::123456789012:assumed-role/golden-path',
      }),
    );
    return;
  }
  if (service === 'ecr' && op === 'get-login-password') {
    out('golden-path-ecr-password');
    return;
  }
  unknown();
}

function az() {
  const [group, op, ...rest] = args;
  if (group === 'login') {
    const p = parse(args.slice(1), {
      values: ['--username', '-u', '--tenant', '-t', '--federated-token'],
      booleans: ['--service-principal', '--allow-no-subscriptions'],
    });
    if (!p.has('--federated-token')) unknown('login without --federated-token');
    out('[{"cloudName": "AzureCloud", "state": "Enabled"}]');
    return;
  }
  if (group === 'account' && op === 'set') {
    parse(rest, { values: ['--subscription', '-s'] });
    return;
  }
  if (group === 'aks' && op === 'get-credentials') {
    const p = parse(rest, {
      values: ['--resource-group', '-g', '--name', '-n'],
      booleans: ['--overwrite-existing'],
    });
    if (!p.one('--resource-group', '-g') || !p.one('--name', '-n')) {
      unknown('aks get-credentials without --resource-group and --name');
    }
    out(`Merged "${p.one('--name', '-n')}" as current context in kubeconfig`);
    return;
  }
  if (group === 'aks' && op === 'install-cli') {
    parse(rest, { booleans: ['--only-show-errors'] });
    return;
  }
  unknown();
}

function gcloud() {
  const words = [];
  let i = 0;
  while (i < args.length && !args[i].startsWith('-') && words.length < 3) {
    words.push(args[i++]);
  }
  const verb = words.join(' ');
  if (verb.startsWith('container clusters get-credentials')) {
    const p = parse(args.slice(3), {
      values: ['--region', '--zone', '--project'],
    });
    if (!p.positionals[0] && !words[3])
      unknown('get-credentials without a cluster');
    out('kubeconfig entry generated');
    return;
  }
  if (verb === 'iam workload-identity-pools create-cred-config') {
    const p = parse(args.slice(3), {
      values: [
        '--service-account',
        '--credential-source-file',
        '--output-file',
      ],
    });
    const output = p.one('--output-file');
    if (!output) unknown('create-cred-config without --output-file');
    fs.writeFileSync(
      output,
      JSON.stringify({
        type: 'external_account',
        audience: `//iam.googleapis.com/${p.positionals[0]}`,
        credential_source: { file: p.one('--credential-source-file') },
      }),
    );
    out(`Created credential configuration file [${output}].`);
    return;
  }
  if (verb === 'auth login') {
    const p = parse(args.slice(2), { values: ['--cred-file'] });
    if (!fs.existsSync(p.one('--cred-file') ?? ''))
      fail('ERROR: (gcloud.auth.login) Unable to read file');
    out('Authenticated with external account credentials');
    return;
  }
  if (verb === 'auth print-access-token') {
    out('ya29.golden-path');
    return;
  }
  unknown();
}

// ---------------------------------------------------------------- docker

function digestOf(image) {
  return `sha256:${sha256(`image:${image}`)}`;
}

function docker() {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'build': {
      const p = parse(rest, {
        values: [
          '--tag',
          '-t',
          '--file',
          '-f',
          '--build-arg',
          '--platform',
          '--label',
        ],
        booleans: ['--pull', '--push', '--no-cache'],
      });
      const context = p.positionals[0];
      if (!context) unknown('build without a context');
      const dockerfile =
        p.one('--file', '-f') ?? path.join(context, 'Dockerfile');
      if (!fs.existsSync(dockerfile))
        fail(
          `ERROR: failed to read dockerfile: open ${dockerfile}: no such file or directory`,
        );
      for (const tag of p.values['--tag'] ?? p.values['-t'] ?? []) {
        writeState(digestOf(tag), 'docker', tag);
        out(`naming to ${tag} done`);
      }
      return;
    }
    case 'push': {
      const [image] = rest;
      if (!image) unknown('push without an image');
      out(`${image.split(':').pop()}: digest: ${digestOf(image)} size: 1789`);
      return;
    }
    case 'login': {
      const p = parse(rest, {
        values: ['--username', '-u', '--password', '-p'],
        booleans: ['--password-stdin'],
      });
      if (p.has('--password-stdin')) readStdin();
      out('Login Succeeded');
      return;
    }
    case 'inspect': {
      const p = parse(rest, { values: ['--format', '-f'] });
      const [image] = p.positionals;
      const format = p.one('--format', '-f');
      if (!image || format !== '{{index .RepoDigests 0}}')
        unknown(`inspect --format ${format}`);
      out(`${image.replace(/:[^:/]+$/, '')}@${digestOf(image)}`);
      return;
    }
    case 'version':
      out('Docker version 28.2.2 (golden-path stub)');
      return;
    default:
      unknown();
  }
}

// ---------------------------------------------------------------- cosign

function cosign() {
  const [verb, ...rest] = args;
  const p = parse(rest, {
    values: [
      '--identity-token',
      '--type',
      '--predicate',
      '--key',
      '--certificate-identity',
      '--certificate-oidc-issuer',
    ],
    booleans: ['--yes', '-y', '--recursive'],
  });
  const [ref] = p.positionals;
  if (verb === 'version') {
    out('cosign v2.5.0 (golden-path stub)');
    return;
  }
  if (
    verb !== 'sign' &&
    verb !== 'attest' &&
    verb !== 'verify' &&
    verb !== 'verify-attestation'
  )
    unknown();
  if (!ref || !/@sha256:[0-9a-f]{64}$/.test(ref)) {
    fail(
      `Error: signing ${
        ref ?? '(nothing)'
      }: a reference by digest (IMAGE@sha256:...) is required`,
    );
  }
  if ((verb === 'sign' || verb === 'attest') && !p.has('--yes', '-y')) {
    fail('Error: no TTY to confirm the transparency-log upload; pass --yes');
  }
  if (verb === 'attest') {
    const predicate = p.one('--predicate');
    if (!predicate || !p.one('--type'))
      unknown('attest without --type and --predicate');
    try {
      JSON.parse(fs.readFileSync(predicate, 'utf8'));
    } catch (error) {
      fail(`Error: reading predicate ${predicate}: ${error.message}`);
    }
  }
  out(
    `tlog entry created with index: ${parseInt(
      sha256(ref + verb).slice(0, 8),
      16,
    )}`,
  );
}

// ---------------------------------------------------------------- trivy, semgrep

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

/**
 * The container engine gitlab-ci-local starts a job's `services:` with (`--container-executable`):
 * with the shell executor there is no engine here, so the service containers (docker:dind) are
 * recorded, not run; the job's own `docker` commands go to the docker stub.
 */
function containerEngine() {
  const [verb, sub] = args;
  const id = sha256(args.join(' ')).slice(0, 12);
  switch (verb) {
    case 'pull':
    case 'start':
    case 'stop':
    case 'kill':
    case 'rm':
    case 'logs':
      return;
    case 'create':
      out(id);
      return;
    case 'image':
      if (sub !== 'inspect') unknown();
      // No exposed port: gitlab-ci-local skips the health check of a service it cannot reach.
      out(JSON.stringify([{ Config: { ExposedPorts: null } }]));
      return;
    case 'network':
      if (sub === 'create') out(id);
      else if (sub !== 'rm') unknown();
      return;
    case 'volume':
      if (sub === 'create') out(args[2] ?? id);
      else if (sub !== 'rm') unknown();
      return;
    default:
      unknown();
  }
}

/** Package installs of the CI images (GitLab's `apt-get`/`apk`): the tools are on this machine already. */
function packageManager() {
  out(
    `${command} ${args.join(
      ' ',
    )}: recorded, not run (the tools are on the test machine)`,
  );
}

const commands = {
  kubectl,
  helm,
  terraform,
  aws,
  az,
  gcloud,
  docker,
  cosign,
  trivy,
  semgrep,
  'apt-get': packageManager,
  apk: packageManager,
  'container-engine': containerEngine,
};

if (!commands[command]) unknown('the command');
commands[command]();
