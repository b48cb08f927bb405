import { entityRefFromParams } from '@waybill/plugin-waybill-node';
import { ReleaseKey } from '../../database/types';

/**
 * The release a route's `:kind/:namespace/:name/releases/:version` path names. The spec has
 * validated the parts; the entity ref is held to the catalog's own rules and normalized.
 */
export function releaseKeyFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
  version: string;
}): ReleaseKey {
  return { entityRef: entityRefFromParams(params), version: params.version };
}
