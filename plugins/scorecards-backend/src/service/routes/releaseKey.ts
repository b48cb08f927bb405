import { entityRefFromParams, parseInput } from '@waybill/plugin-waybill-node';
import { z } from 'zod';
import { ReleaseKey } from '../../database/types';

const releaseParams = z.object({ version: z.string().min(1).max(255) });

/** The release a route's `:kind/:namespace/:name/releases/:version` path names. */
export function releaseKeyFromParams(params: unknown): ReleaseKey {
  const entityRef = entityRefFromParams(params);
  const { version } = parseInput(releaseParams, params, 'path');
  return { entityRef, version };
}
