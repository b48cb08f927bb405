/*
 * Test-only reference implementations: slow, obviously correct versions of the algorithms,
 * used by the property tests to check the fast ones.
 */

/** reach[u][v]: a path of zero or more edges leads from u to v (Floyd–Warshall closure). */
export function transitiveClosure(
  nodeCount: number,
  edges: ReadonlyArray<readonly [number, number]>,
): boolean[][] {
  const reach = Array.from({ length: nodeCount }, (_, u) =>
    Array.from({ length: nodeCount }, (__, v) => u === v),
  );
  for (const [u, v] of edges) reach[u][v] = true;
  for (let k = 0; k < nodeCount; k++) {
    for (let i = 0; i < nodeCount; i++) {
      if (!reach[i][k]) continue;
      for (let j = 0; j < nodeCount; j++) {
        if (reach[k][j]) reach[i][j] = true;
      }
    }
  }
  return reach;
}

/** dist[u][v]: fewest edges from u to v, Infinity when unreachable (Floyd–Warshall). */
export function shortestPaths(
  nodeCount: number,
  edges: ReadonlyArray<readonly [number, number]>,
): number[][] {
  const dist = Array.from({ length: nodeCount }, (_, u) =>
    Array.from({ length: nodeCount }, (__, v) =>
      u === v ? 0 : Number.POSITIVE_INFINITY,
    ),
  );
  for (const [u, v] of edges) if (u !== v) dist[u][v] = 1;
  for (let k = 0; k < nodeCount; k++) {
    for (let i = 0; i < nodeCount; i++) {
      for (let j = 0; j < nodeCount; j++) {
        if (dist[i][k] + dist[k][j] < dist[i][j]) {
          dist[i][j] = dist[i][k] + dist[k][j];
        }
      }
    }
  }
  return dist;
}

/** Strongly connected components as sorted member lists, sorted: u ~ v iff each reaches the other. */
export function bruteForceComponents(
  nodeCount: number,
  edges: ReadonlyArray<readonly [number, number]>,
): number[][] {
  const reach = transitiveClosure(nodeCount, edges);
  const seen = new Set<number>();
  const components: number[][] = [];
  for (let u = 0; u < nodeCount; u++) {
    if (seen.has(u)) continue;
    const members: number[] = [];
    for (let v = 0; v < nodeCount; v++) {
      if (reach[u][v] && reach[v][u]) {
        members.push(v);
        seen.add(v);
      }
    }
    components.push(members);
  }
  return components.sort((a, b) => a[0] - b[0]);
}
