import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the dependency map: every view, the status and release-train plans (which change
 * nothing). The backend requires it on every route; the UI may check it with `usePermission`.
 */
export const dependencyMapReadPermission = createPermission({
  name: 'dependency-map.graph.read',
  attributes: { action: 'read' },
});

/** Every permission of the dependency-map plugin, for the permissions registry. */
export const dependencyMapPermissions = [dependencyMapReadPermission];
