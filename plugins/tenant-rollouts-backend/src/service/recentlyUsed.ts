/** Entries kept in memory per map (plans, board snapshots); most recently used last. */
const KEPT = 16;

/** Keeps `value` as the most recently used, forgetting the least recently used past KEPT. */
export function keep<T>(map: Map<string, T>, key: string, value: T) {
  map.delete(key);
  map.set(key, value);
  if (map.size > KEPT) map.delete(map.keys().next().value!);
}
