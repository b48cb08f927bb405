import { parseEntityRef } from '@waybill/plugin-waybill-common';
import { GraphBuild } from './state';

/**
 * Makes sure a relation target is a node: one not among the entities read becomes a node marked
 * `missing`, with a warning. Answers false (and adds nothing) when the target is a business
 * process or cannot be read as a ref.
 */
export function ensureNode(
  build: GraphBuild,
  ref: string,
  from: string,
): boolean {
  if (build.nodes.has(ref)) return true;
  if (build.processes.has(ref)) return false;
  let parsed;
  try {
    parsed = parseEntityRef(ref);
  } catch {
    build.warnings.push(`${from}: cannot read relation target "${ref}"`);
    return false;
  }
  build.warnings.push(
    `${from}: refers to ${ref}, which is not in the catalog read`,
  );
  build.nodes.set(ref, {
    ref,
    kind: parsed.kind,
    namespace: parsed.namespace,
    name: parsed.name,
    title: parsed.name,
    businessProcesses: [],
    missing: true,
  });
  return true;
}
