/*
 * The cluster commands' stubs: kubectl (apply, set image, rollout, get, scale, patch) and helm.
 * `kubectl set image` and `rollout undo` keep the deployment's image in the stub state, which
 * `get deployment` answers; `rollout status` fails for the namespaces config.json names.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const {
  args,
  config,
  out,
  fail,
  unknown,
  sha256,
  parse,
  readState,
  writeState,
} = require('./stubKit.cjs');

/** The NAME of a `deployment/NAME` argument; anything else is unknown (`what`). */
function target(value, what) {
  const [kind, name] = (value ?? '').split('/');
  if (!name || !/^(deployment|deployments|deploy)$/.test(kind)) {
    unknown(what);
  }
  return name;
}

/** `kubectl apply -k DIR` (a kustomization must be there) or `-f FILE`. */
function kubectlApply(p, namespace) {
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
}

/** `kubectl set image deployment/NAME CONTAINER=IMAGE...`: kept, the previous image too. */
function kubectlSetImage(rest, namespace) {
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
      writeState(previous, 'kubectl', namespace, name, `${container}.previous`);
    writeState(ref, 'kubectl', namespace, name, container);
  }
  out(`deployment.apps/${name} image updated`);
}

/** `kubectl rollout status|history|undo|restart deployment/NAME`. */
function kubectlRollout(rest, namespace) {
  const [sub, ref] = rest;
  const failing = (config.kubectl?.failRolloutStatus ?? []).some(
    f => f === namespace || f === `${namespace}/${ref?.split('/')[1]}`,
  );
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
}

/** `kubectl get service|deployment NAME -o jsonpath=...`: the live track, the live image. */
function kubectlGet(p, rest, namespace) {
  const [kind, name] = rest;
  const output = p.one('-o', '--output') ?? '';
  if (/^(service|services|svc)$/.test(kind) && output.startsWith('jsonpath=')) {
    if (!output.includes('.spec.selector')) unknown(`get service -o ${output}`);
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
}

/** `kubectl patch service NAME -p JSON`. */
function kubectlPatch(p, rest) {
  const [kind, name] = rest;
  if (!/^(service|svc)$/.test(kind) || !name) unknown(`patch ${kind}`);
  const patch = p.one('-p', '--patch');
  try {
    JSON.parse(patch);
  } catch {
    fail(`error: unable to parse "${patch}": not valid JSON`);
  }
  out(`service/${name} patched`);
}

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
  switch (verb) {
    case 'apply':
      kubectlApply(p, namespace);
      return;
    case 'set':
      kubectlSetImage(rest, namespace);
      return;
    case 'rollout':
      kubectlRollout(rest, namespace);
      return;
    case 'get':
      kubectlGet(p, rest, namespace);
      return;
    case 'scale': {
      const name = target(rest[0], 'scale without deployment/NAME');
      if (!p.one('--replicas')) unknown('scale without --replicas');
      out(`deployment.apps/${name} scaled`);
      return;
    }
    case 'patch':
      kubectlPatch(p, rest);
      return;
    case 'version':
      out('Client Version: v1.33.0 (golden-path stub)');
      return;
    default:
      unknown();
  }
}

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

module.exports = { kubectl, helm };
