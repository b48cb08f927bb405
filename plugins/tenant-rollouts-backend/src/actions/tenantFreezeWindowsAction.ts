import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  freezeCalendar,
  MAX_CALENDAR_DAYS,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  isTenantEntity,
  readTenant,
  Tenant,
} from '@waybill/plugin-waybill-common';
import {
  catalogCredentialsFor,
  entityRefInput,
} from '@waybill/plugin-waybill-node';
import {
  READ_ONLY,
  rolloutReaderAccess,
  TenantRolloutsActionServices,
  Zod,
} from './tenantRolloutsActionContext';

const DAY_MS = 86_400_000;
/** The range asked for when none is: the next 90 days, as the freeze calendar shows them. */
const DEFAULT_DAYS = 90;

const freezeInput = (z: Zod) =>
  z.object({
    tenantRef: z
      .string()
      .min(1)
      .describe(
        'The tenant: `resource:default/northgate-pharmacy-group`, or its bare name (read as a Resource).',
      ),
    from: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe('Start of the range, an ISO 8601 instant; default now.'),
    to: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe(
        `End of the range (exclusive); default ${DEFAULT_DAYS} days after \`from\`, at most ${MAX_CALENDAR_DAYS} days after it.`,
      ),
  });

const freezeOutput = (z: Zod) =>
  z.object({
    tenant: z.object({
      entityRef: z.string(),
      title: z.string(),
      timeZone: z
        .string()
        .describe("The tenant's time zone, windows are read in."),
      segment: z.string(),
      region: z.string(),
      tier: z.string(),
    }),
    from: z.string(),
    to: z.string(),
    windows: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          reason: z.string().optional(),
          occurrences: z
            .array(
              z.object({
                start: z.string().describe('UTC instant the window opens.'),
                end: z.string().describe('UTC instant it closes.'),
                localStart: z
                  .string()
                  .describe('Wall-clock start, in the window zone.'),
                localEnd: z.string(),
              }),
            )
            .describe('Its occurrences overlapping the range.'),
        }),
      )
      .describe(
        'The configured freeze windows that cover the tenant and occur in the range; a rollout holds back its deliveries to the tenant during them.',
      ),
  });

/** The range an input asks for, with the freeze calendar's bounds. */
function rangeOf(input: { from?: string; to?: string }) {
  const from = input.from ? new Date(input.from) : new Date();
  const to = input.to
    ? new Date(input.to)
    : new Date(from.getTime() + DEFAULT_DAYS * DAY_MS);
  if (to <= from) throw new InputError('to: must be after from');
  if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * DAY_MS) {
    throw new InputError(
      `to: must be at most ${MAX_CALENDAR_DAYS} days after from`,
    );
  }
  return { from, to };
}

/**
 * The tenant a ref names, read from the catalog as the freeze calendar reads tenants (a user's
 * own credentials): one the caller may not read, or that is not there, is not found.
 */
async function tenantOf(
  services: TenantRolloutsActionServices,
  tenantRef: string,
  credentials: BackstageCredentials,
): Promise<Tenant> {
  const access = await rolloutReaderAccess(services, credentials);
  const ref = entityRefInput(tenantRef, 'tenantRef', {
    defaultKind: 'resource',
  });
  const entity = (await access.mayRead(ref))
    ? await services.catalog.getEntityByRef(ref, {
        credentials: await catalogCredentialsFor(services.auth, credentials),
      })
    : undefined;
  if (!entity) throw new NotFoundError(`No tenant ${ref} in the catalog`);
  if (!isTenantEntity(entity)) {
    throw new InputError(
      `tenantRef: ${ref} is not a tenant (a Resource of spec.type tenant)`,
    );
  }
  const read = readTenant(entity);
  if ('problem' in read) throw new InputError(`tenantRef: ${read.problem}`);
  return read.tenant;
}

/**
 * `list-tenant-freeze-windows`: the freeze windows over one tenant in a range, from the freeze
 * calendar the HTTP route `GET /freeze-calendar` computes over every tenant.
 */
export function registerTenantFreezeWindowsAction(
  services: TenantRolloutsActionServices,
): void {
  services.actionsRegistry.register({
    name: 'list-tenant-freeze-windows',
    title: 'Freeze windows affecting a tenant',
    description: [
      'The freeze windows that apply to one tenant (a customer of the estate) between `from`',
      "and `to`, each with its occurrences read in the tenant's time zone (or the window's own):",
      'when deliveries to that tenant are held back. Use it before planning or advancing a',
      'rollout that reaches the tenant. Reads only; needs `tenant-rollouts.read`, and answers',
      'only for tenants the caller may read.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input: freezeInput, output: freezeOutput },
    examples: [
      {
        title: 'Freezes over Northgate Pharmacy Group this winter',
        input: {
          tenantRef: 'resource:default/northgate-pharmacy-group',
          from: '2026-11-01T00:00:00Z',
          to: '2027-01-31T00:00:00Z',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const tenant = await tenantOf(services, input.tenantRef, credentials);
      const { from, to } = rangeOf(input);
      const calendar = freezeCalendar(
        services.config.freezeWindows,
        [tenant],
        from,
        to,
      );
      const windows = calendar.windows.filter(
        w => w.tenants > 0 && w.occurrences.length > 0,
      );
      return {
        output: {
          tenant: {
            entityRef: tenant.ref,
            title: tenant.title,
            timeZone: tenant.timeZone,
            segment: tenant.segment,
            region: tenant.region,
            tier: tenant.tier,
          },
          from: calendar.from,
          to: calendar.to,
          windows: windows.map(w => ({
            id: w.id,
            title: w.title,
            reason: w.reason,
            occurrences: w.occurrences.map(o => ({
              start: o.start,
              end: o.end,
              localStart: o.localStart,
              localEnd: o.localEnd,
            })),
          })),
        },
      };
    },
  });
}
