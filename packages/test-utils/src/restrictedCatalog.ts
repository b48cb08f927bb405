import { AddressInfo } from 'net';
import type { Server } from 'http';
import {
  AuthService,
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  ExtensionPoint,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import catalogBackend from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import permissionBackend from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** The label that hides an entity from {@link RESTRICTED_USER}: `waybill.dev/test-hidden: 'true'`. */
const HIDDEN_LABEL = 'waybill.dev/test-hidden';

/** The user whom the test policy lets read only the entities without {@link HIDDEN_LABEL}. */
const RESTRICTED_USER = 'user:default/restricted';

/** Every other user reads everything. */
const UNRESTRICTED_USER = 'user:default/unrestricted';

/** `entity` with {@link HIDDEN_LABEL}. */
export function hidden(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      labels: { ...entity.metadata.labels, [HIDDEN_LABEL]: 'true' },
    },
  };
}

const LOCATION = 'url:https://waybill.test/catalog-info.yaml';

/**
 * The mock auth service, except that a plugin calling another on a user's behalf sends a token
 * naming itself as the actor, as the real one does. (The mock's on-behalf-of tokens drop the
 * actor, and the permission backend refuses conditional decisions to a user without one.)
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: auth.authenticate.bind(auth),
      isPrincipal: auth.isPrincipal.bind(auth) as AuthService['isPrincipal'],
      getNoneCredentials: auth.getNoneCredentials.bind(auth),
      getOwnServiceCredentials: auth.getOwnServiceCredentials.bind(auth),
      getLimitedUserToken: auth.getLimitedUserToken.bind(auth),
      listPublicServiceKeys: auth.listPublicServiceKeys.bind(auth),
      async getPluginRequestToken(options) {
        if (!auth.isPrincipal(options.onBehalfOf, 'user')) {
          return auth.getPluginRequestToken(options);
        }
        return {
          token: mockCredentials.user.token(
            options.onBehalfOf.principal.userEntityRef,
            { actor: { subject: `plugin:${plugin.getId()}` } },
          ),
        };
      },
    };
  },
});

/** A module `moduleId` of plugin `pluginId` that hands one of its extension points to `use`. */
function testModule<T>(
  pluginId: string,
  moduleId: string,
  extensionPoint: ExtensionPoint<T>,
  use: (point: T) => void,
): BackendFeature {
  return createBackendModule({
    pluginId,
    moduleId,
    register(reg) {
      reg.registerInit({
        deps: { point: extensionPoint },
        async init({ point }) {
          use(point);
        },
      });
    },
  });
}

/** Spec fields and the relation the catalog derives from each. */
const SPEC_RELATIONS: Array<[field: string, relation: string]> = [
  ['owner', 'ownedBy'],
  ['system', 'partOf'],
  ['dependsOn', 'dependsOn'],
  ['consumesApis', 'consumesApi'],
  ['providesApis', 'providesApi'],
];

/** How many relations of each type the catalog derives from an entity's spec. */
function relationsExpected(entity: Entity): Map<string, number> {
  const expected = new Map<string, number>();
  for (const [field, relation] of SPEC_RELATIONS) {
    const count = [entity.spec?.[field] ?? []].flat().length;
    if (count) expected.set(relation, (expected.get(relation) ?? 0) + count);
  }
  return expected;
}

/** A catalog module providing `entities`, each at {@link LOCATION}. */
function providerModule(entities: Entity[]): BackendFeature {
  return testModule(
    'catalog',
    'waybill-test-entities',
    catalogProcessingExtensionPoint,
    processing =>
      processing.addEntityProvider({
        getProviderName: () => 'waybill-test-entities',
        connect: connection =>
          connection.applyMutation({
            type: 'full',
            entities: entities.map(entity => ({
              locationKey: LOCATION,
              entity: {
                ...entity,
                metadata: {
                  ...entity.metadata,
                  annotations: {
                    ...entity.metadata.annotations,
                    [ANNOTATION_LOCATION]: LOCATION,
                    [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
                  },
                },
              },
            })),
          }),
      }),
  );
}

/**
 * The permission module of the test policy: everything allowed, except that
 * {@link RESTRICTED_USER} reads only the entities without {@link HIDDEN_LABEL}.
 */
function policyModule(): BackendFeature {
  return testModule(
    'permission',
    'waybill-test-policy',
    policyExtensionPoint,
    policy =>
      policy.setPolicy({
        async handle(request, user) {
          if (
            user?.info.userEntityRef === RESTRICTED_USER &&
            request.permission.name === catalogEntityReadPermission.name
          ) {
            return createCatalogConditionalDecision(
              catalogEntityReadPermission,
              { not: catalogConditions.hasLabel({ label: HIDDEN_LABEL }) },
            );
          }
          return { result: AuthorizeResult.ALLOW };
        },
      }),
  );
}

/**
 * Waits until the catalog has ingested `entities` and stitched the relations their specs name
 * (asking as a user who reads everything); fails after 30 s.
 */
async function waitUntilIngested(
  server: Server,
  entities: Entity[],
): Promise<void> {
  const { port } = server.address() as AddressInfo;
  const refs = entities.map(e => stringifyEntityRef(e));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await fetch(
      `http://localhost:${port}/api/catalog/entities/by-refs`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header(UNRESTRICTED_USER),
        },
        body: JSON.stringify({ entityRefs: refs, fields: ['relations'] }),
      },
    );
    if (!res.ok) {
      throw new Error(
        `The catalog answered ${res.status}: ${await res.text()}`,
      );
    }
    const { items } = (await res.json()) as {
      items: Array<{ relations?: Array<{ type: string }> } | null>;
    };
    const complete = items.every((item, i) => {
      if (!item) return false;
      return [...relationsExpected(entities[i])].every(
        ([type, count]) =>
          (item.relations ?? []).filter(r => r.type === type).length >= count,
      );
    });
    if (complete) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog has not ingested and stitched ${refs.join(
          ', ',
        )} after 30 s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/**
 * The real catalog backend holding `entities`, and the real permission backend with a policy
 * that allows everything except, for {@link RESTRICTED_USER}, reading entities labelled
 * {@link HIDDEN_LABEL} (a conditional decision on `catalog.entity.read`, which the catalog
 * applies): the `features` (which include an auth service, see authWithActors) and root
 * `config` to start a backend with, and `ingested(server)` to await before the first request.
 */
function restrictedCatalog(entities: Entity[]): {
  features: BackendFeature[];
  config: { permission: { enabled: true }; catalog: object };
  ingested(server: Server): Promise<void>;
} {
  const entitiesModule = providerModule(entities);
  const kinds = [...new Set(entities.map(e => e.kind))];
  return {
    features: [
      authWithActors,
      catalogBackend,
      entitiesModule,
      permissionBackend,
      policyModule(),
    ],
    config: {
      permission: { enabled: true },
      catalog: { rules: [{ allow: kinds }] },
    },
    ingested: server => waitUntilIngested(server, entities),
  };
}

/**
 * Starts `plugin` with `config` beside the real catalog backend holding `entities` and the real
 * permission backend, under a policy that lets {@link RESTRICTED_USER} read only the entities
 * not marked {@link hidden} (see restrictedCatalog), and waits until the catalog has ingested
 * them all. Returns the server and the Authorization headers of the restricted user and of one
 * who reads everything.
 */
export async function startWithRestrictedCatalog(options: {
  plugin: BackendFeature;
  entities: Entity[];
  config?: object;
}): Promise<{ server: Server; restricted: string; unrestricted: string }> {
  const catalog = restrictedCatalog(options.entities);
  const { server } = await startTestBackend({
    features: [
      options.plugin,
      ...catalog.features,
      mockServices.rootConfig.factory({
        data: { ...options.config, ...catalog.config },
      }),
    ],
  });
  await catalog.ingested(server);
  return {
    server,
    restricted: mockCredentials.user.header(RESTRICTED_USER),
    unrestricted: mockCredentials.user.header(UNRESTRICTED_USER),
  };
}
