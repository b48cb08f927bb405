// The semver ranges of Waybill's catalog conventions: ^x.y.z, ~x.y.z, >=, <=, >, <, = and bare
// versions, space-separated comparators meaning "and". Pre-release and build tags are not used.

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;
const COMPARATOR = /^(\^|~|>=|<=|>|<|=)?(\d+\.\d+\.\d+)$/;

/** Parses x.y.z into numbers, or undefined. */
export function parseVersion(text) {
  const m = VERSION.exec(String(text).trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** The upper bound (exclusive) of a caret range, as npm defines it for 0.x versions. */
function caretCeiling([major, minor, patch]) {
  if (major > 0) return [major + 1, 0, 0];
  if (minor > 0) return [0, minor + 1, 0];
  return [0, 0, patch + 1];
}

/** Whether a version satisfies a range; throws on a range or version it cannot read. */
export function satisfies(version, range) {
  const v = parseVersion(version);
  if (!v) {
    throw new Error(`"${version}" is not a version x.y.z`);
  }
  const comparators = String(range).trim().split(/\s+/);
  if (comparators.length === 0 || comparators[0] === '') {
    throw new Error('the range is empty');
  }
  return comparators.every(text => {
    const m = COMPARATOR.exec(text);
    if (!m) {
      throw new Error(
        `"${text}" in range "${range}" is not ^x.y.z, ~x.y.z, >=, <=, >, <, = or a bare version`,
      );
    }
    const op = m[1] ?? '=';
    const bound = parseVersion(m[2]);
    const c = compare(v, bound);
    switch (op) {
      case '^':
        return c >= 0 && compare(v, caretCeiling(bound)) < 0;
      case '~':
        return c >= 0 && compare(v, [bound[0], bound[1] + 1, 0]) < 0;
      case '>=':
        return c >= 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '<':
        return c < 0;
      default:
        return c === 0;
    }
  });
}
