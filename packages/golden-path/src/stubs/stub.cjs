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
const { stubDir, command, args, unknown } = require('./stubKit.cjs');

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

/** Each command's stub, loaded when called. */
const commands = {
  kubectl: () => require('./clusterStubs.cjs').kubectl(),
  helm: () => require('./clusterStubs.cjs').helm(),
  terraform: () => require('./cloudStubs.cjs').terraform(),
  aws: () => require('./cloudStubs.cjs').aws(),
  az: () => require('./cloudStubs.cjs').az(),
  gcloud: () => require('./cloudStubs.cjs').gcloud(),
  docker: () => require('./imageStubs.cjs').docker(),
  cosign: () => require('./imageStubs.cjs').cosign(),
  trivy: () => require('./scanStubs.cjs').trivy(),
  semgrep: () => require('./scanStubs.cjs').semgrep(),
  'apt-get': () => require('./ciImageStubs.cjs').packageManager(),
  apk: () => require('./ciImageStubs.cjs').packageManager(),
  'container-engine': () => require('./ciImageStubs.cjs').containerEngine(),
};

if (!commands[command]) unknown('the command');
commands[command]();
