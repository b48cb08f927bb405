import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the dependency map: every view, the status and release-train plans (which change
 * nothing). Defined here until `@waybill/plugin-dependency-map-common` carries the plugin's
 * permissions, so the UI can check it with `usePermission` too.
 */
export const dependencyMapReadPermission = createPermission({
  name: 'dependency-map.graph.read',
  attributes: { action: 'read' },
});

/** Every permission of the dependency-map plugin, for the permissions registry. */
export const dependencyMapPermissions = [dependencyMapReadPermission];
