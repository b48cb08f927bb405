/*
 * The image commands' stubs: docker (build, push, login, inspect, with deterministic digests)
 * and cosign (sign, attest, verify; a reference by digest required, as cosign does).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const {
  args,
  out,
  fail,
  unknown,
  sha256,
  parse,
  writeState,
  readStdin,
} = require('./stubKit.cjs');

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

module.exports = { docker, cosign };
