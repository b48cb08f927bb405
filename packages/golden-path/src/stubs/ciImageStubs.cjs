/*
 * What GitLab's CI images call that this machine does not run: the container engine
 * gitlab-ci-local starts job services with, and the images' package managers.
 */
'use strict';

const { command, args, out, unknown, sha256 } = require('./stubKit.cjs');

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

module.exports = { containerEngine, packageManager };
