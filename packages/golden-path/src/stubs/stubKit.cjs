/*
 * What every recording stub (stub.cjs) shares: the call (stub directory, command, arguments),
 * the test's config, answering and failing as a tool does, strict flag parsing, and the state
 * the stubs keep between calls (what an earlier `kubectl set image` or `docker build` did).
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

module.exports = {
  stubDir,
  command,
  args,
  config,
  readJson,
  out,
  fail,
  unknown,
  sha256,
  parse,
  readState,
  writeState,
  readStdin,
};
