/*
 * The cloud commands' stubs: terraform (fmt, init, validate: the directory must hold .tf files),
 * and the AWS, Azure and Google Cloud CLIs' logins and cluster credentials.
 */
'use strict';

const fs = require('node:fs');
const { args, out, fail, unknown, parse } = require('./stubKit.cjs');

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

module.exports = { terraform, aws, az, gcloud };
