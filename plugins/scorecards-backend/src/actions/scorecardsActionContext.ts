import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  scorecardsReleaseReadPermission,
  Waiver,
} from '@waybill/plugin-scorecards-common';
import {
  actionReaderAccess,
  ActionZod,
  CatalogReadAccess,
  READ_ONLY_ACTION,
} from '@waybill/plugin-waybill-node';
import { ReleaseScorecards } from '../service/ReleaseScorecards';

/** The zod (v3 API) the actions registry hands each action's schema functions. */
export type Zod = ActionZod;

/** Every scorecards action reads, idempotently: assistants may call them without asking. */
export const READ_ONLY = READ_ONLY_ACTION;

/** What the scorecards actions are built from: the services the HTTP routes use. */
export interface ScorecardsActionServices {
  actionsRegistry: ActionsRegistryService;
  scorecards: ReleaseScorecards;
  permissions: PermissionsService;
  catalog: CatalogService;
}

/**
 * What the caller of a read may see, checked as the release routes check it: the caller needs
 * `scorecards.release.read` (a NotAllowedError naming it otherwise), and sees only the entities
 * the catalog lets them read (a release of any other entity is not there: NotFoundError).
 */
export function releaseReaderAccess(
  services: Pick<ScorecardsActionServices, 'permissions' | 'catalog'>,
  credentials: BackstageCredentials,
): Promise<CatalogReadAccess> {
  return actionReaderAccess(
    services,
    credentials,
    scorecardsReleaseReadPermission,
  );
}

/** An input field's description: an entity ref as people and pipelines write it. */
export const ENTITY_REF_DESCRIPTION =
  'The catalog entity, e.g. `component:default/inventory` (a bare name such as `inventory` is read as a Component in the default namespace).';

/** The release version input, as the HTTP routes bound it. */
export const versionInput = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(255)
    .describe(
      'The release version as the pipeline names it, e.g. `4.2.0` or a build number.',
    );

/** A waiver as the actions answer it: what it accepts, for which releases, until when. */
export const waiverOutput = (z: Zod) =>
  z.object({
    id: z.number(),
    checkId: z.string().describe('The policy check it leaves out.'),
    environment: z.string(),
    versionRange: z
      .string()
      .describe('The versions it covers: one version or a semver range.'),
    finding: z
      .string()
      .nullable()
      .describe(
        'The one finding accepted (a vulnerability or SARIF rule id); null for the whole check.',
      ),
    tenantSegment: z
      .string()
      .nullable()
      .describe(
        'The only tenant segment whose deliveries it applies to; null for every delivery.',
      ),
    reason: z.string(),
    expiresAt: z.string(),
    requestedBy: z.string(),
    approvedBy: z.string().nullable(),
  });

/** A waiver, as {@link waiverOutput} describes it. */
export function toWaiverOutput(waiver: Waiver) {
  const { id, checkId, environment, versionRange, finding } = waiver;
  const { tenantSegment, reason, expiresAt, requestedBy, approvedBy } = waiver;
  return {
    id,
    checkId,
    environment,
    versionRange,
    finding,
    tenantSegment,
    reason,
    expiresAt,
    requestedBy,
    approvedBy,
  };
}
