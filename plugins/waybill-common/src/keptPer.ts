/**
 * The value `compute` gives for `key`, computed the first time and kept in `kept` while the key
 * object lives: for what is derived from an immutable object (a graph, a plan, a served
 * snapshot) and read again and again. Treat the value as immutable too.
 */
export function keptPer<K extends object, V>(
  kept: WeakMap<K, V>,
  key: K,
  compute: (key: K) => V,
): V {
  if (kept.has(key)) return kept.get(key) as V;
  const value = compute(key);
  kept.set(key, value);
  return value;
}
