/*
 * The image commands' stubs: docker (build, push, login, inspect, with deterministic digests)
 * and cosign (sign, attest, verify; a reference by digest required, as cosign does; and
 * attest-blob of an in-toto statement into a Sigstore bundle, signed keyless by the test's
 * Sigstore with the job's ID token).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const {
  stubDir,
  args,
  readJson,
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

/**
 * The job's ID token for audience `sigstore`: `--identity-token`, or GitHub Actions' ambient
 * one (ACTIONS_ID_TOKEN_REQUEST_URL, as cosign's GitHub provider fetches it).
 */
async function identityToken(given) {
  if (given) return given;
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    fail(
      'Error: getting an identity token: no --identity-token and no ambient OIDC provider (a GitHub job needs permissions: id-token: write)',
    );
  }
  const res = await fetch(`${url}&audience=sigstore`, {
    headers: { authorization: `bearer ${bearer}` },
  });
  if (!res.ok) fail(`Error: getting an identity token: ${res.status}`);
  return (await res.json()).value;
}

/**
 * `cosign attest-blob --new-bundle-format --statement FILE --bundle FILE` (cosign 2.6+): signs
 * a whole in-toto statement keyless and writes the Sigstore bundle.
 */
async function attestBlob(rest) {
  const p = parse(rest, {
    values: ['--statement', '--bundle', '--identity-token'],
    booleans: ['--yes', '-y', '--new-bundle-format'],
  });
  const statementFile = p.one('--statement');
  const bundleFile = p.one('--bundle');
  if (!statementFile || !bundleFile || p.positionals.length > 0) {
    unknown('attest-blob without --statement and --bundle');
  }
  if (!p.has('--new-bundle-format')) {
    unknown('attest-blob of a statement without --new-bundle-format');
  }
  if (!p.has('--yes', '-y')) {
    fail('Error: no TTY to confirm the transparency-log upload; pass --yes');
  }
  let statement;
  try {
    statement = JSON.parse(fs.readFileSync(statementFile, 'utf8'));
  } catch (error) {
    fail(`Error: reading statement ${statementFile}: ${error.message}`);
  }
  const sigstore = readJson(path.join(stubDir, 'sigstore.json'), null);
  if (!sigstore) fail('golden-path stub: no test Sigstore configured');
  const res = await fetch(`${sigstore.url}/attest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      identityToken: await identityToken(p.one('--identity-token')),
      statement,
    }),
  });
  const answer = await res.text();
  if (!res.ok) fail(`Error: signing the statement: ${answer}`);
  fs.mkdirSync(path.dirname(bundleFile), { recursive: true });
  fs.writeFileSync(bundleFile, answer);
  out(`Wrote bundle to file ${bundleFile}`);
}

function cosign() {
  const [verb, ...rest] = args;
  if (verb === 'attest-blob') {
    attestBlob(rest).catch(error => fail(`Error: ${error.message}`));
    return;
  }
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
