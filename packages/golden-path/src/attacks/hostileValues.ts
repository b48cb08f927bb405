import fc from 'fast-check';
import { HOSTILE_STRINGS } from './hostileInputs';

/** An object with `key` as an own property, even `__proto__`, so that JSON.stringify sends it. */
export function withOwnKey(
  object: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

/** `arbitrary`'s values one time in `oneIn`, else null. */
export function rarely<T>(arbitrary: fc.Arbitrary<T>, oneIn: number) {
  return fc.oneof(
    { weight: oneIn - 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary },
  );
}

/** A scalar no schema expects: hostile strings, binary text, edge numbers, null and booleans. */
const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    5e-324,
  ),
);

/** A value of any JSON type, for any slot: what a schema does not expect. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      [],
      {},
      [[[]]],
      withOwnKey({}, '__proto__', { polluted: true }),
      { constructor: { prototype: { polluted: true } } },
    ),
  },
);
