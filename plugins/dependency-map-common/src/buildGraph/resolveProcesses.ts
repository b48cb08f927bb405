import {
  BUSINESS_PROCESS_TYPE,
  parseEntityRef,
} from '@waybill/plugin-waybill-common';
import { GraphBuild } from './state';

/**
 * Adds the business processes nodes name but no Domain declares, marked `missing`, each with a
 * warning naming the first node that names it.
 */
export function addUndeclaredProcesses(build: GraphBuild): void {
  for (const node of build.nodes.values()) {
    for (const processRef of node.businessProcesses) {
      if (build.processes.has(processRef)) continue;
      const name = parseEntityRef(processRef).name;
      build.warnings.push(
        `${node.ref}: business process "${name}" is not declared as a Domain of type ${BUSINESS_PROCESS_TYPE}`,
      );
      build.processes.set(processRef, {
        ref: processRef,
        name,
        title: name,
        missing: true,
      });
    }
  }
}

/**
 * Records that a node is part of a business process (its `spec.domain` names a process Domain).
 * Answers whether the target is a process.
 */
export function joinProcess(
  build: GraphBuild,
  source: string,
  target: string,
): boolean {
  if (!build.processes.has(target)) return false;
  const node = build.nodes.get(source)!;
  if (!node.businessProcesses.includes(target)) {
    node.businessProcesses.push(target);
  }
  return true;
}
