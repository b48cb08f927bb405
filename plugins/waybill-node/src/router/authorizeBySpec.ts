import { BasicPermission } from '@backstage/plugin-permission-common';
import express from 'express';
import { Authorizer } from './authorizer';

/** The part of an OpenAPI document this reads: each operation's `x-permission`. */
export interface PermissionedSpec {
  paths: Record<string, Record<string, unknown>>;
}

interface OperationPermission {
  method: string;
  path: RegExp;
  permission: BasicPermission;
}

function operationPermissions(
  spec: PermissionedSpec,
  permissions: BasicPermission[],
): OperationPermission[] {
  const byName = new Map(permissions.map(p => [p.name, p]));
  return Object.entries(spec.paths).flatMap(([template, item]) =>
    Object.entries(item).flatMap(([method, operation]) => {
      const name = (operation as { 'x-permission'?: string })['x-permission'];
      if (!name) return [];
      const permission = byName.get(name);
      if (!permission) {
        throw new Error(
          `${method.toUpperCase()} ${template} names x-permission ${name}, which the plugin does not define`,
        );
      }
      const pattern = template
        .split(/\{\w+\}/)
        .map(part => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      return [
        {
          method: method.toUpperCase(),
          path: new RegExp(`^${pattern}/?$`),
          permission,
        },
      ];
    }),
  );
}

/**
 * Checks each request's caller against the permission its operation names in the spec
 * (`x-permission`) before anything about the request is read or validated: a caller without it
 * gets 401 or 403, never a 400 that describes the input it may not send. Mount it before the
 * router that validates requests. Operations without `x-permission` are left to their handler.
 */
export function authorizeBySpec(
  spec: PermissionedSpec,
  options: { authorize: Authorizer; permissions: BasicPermission[] },
): express.RequestHandler {
  const operations = operationPermissions(spec, options.permissions);
  return (req, _res, next) => {
    const operation = operations.find(
      o => o.method === req.method && o.path.test(req.path),
    );
    if (!operation) {
      next();
      return;
    }
    options.authorize(req, operation.permission).then(() => next(), next);
  };
}
