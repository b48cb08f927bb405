import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';

/**
 * The annotations that say an entity was provided from `location`
 * (`backstage.io/managed-by-location` and `backstage.io/managed-by-origin-location`).
 */
export function managedByLocation(location: string): Record<string, string> {
  return {
    'backstage.io/managed-by-location': location,
    'backstage.io/managed-by-origin-location': location,
  };
}

/**
 * A catalog backend module (`moduleId` and entity provider name both `name`) whose entity
 * provider, once connected, gives the catalog `entities` in one `full` mutation, each with
 * `locationKey` `location` and the {@link managedByLocation} annotations (an entity's own
 * annotations win). The catalog processes and stitches them itself, as it would entities read
 * from a location.
 */
export function catalogModuleProvidingEntities(options: {
  name: string;
  location: string;
  entities: Entity[];
}) {
  const { name, location, entities } = options;
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: name,
    register(env) {
      env.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.addEntityProvider({
            getProviderName: () => name,
            connect: async connection => {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity =>
                  providedFrom(location, entity),
                ),
              });
            },
          });
        },
      });
    },
  });
}

/** An entity as provided from `location`: its `locationKey` and the managed-by annotations. */
function providedFrom(location: string, entity: Entity) {
  return {
    entity: {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...managedByLocation(location),
          ...entity.metadata.annotations,
        },
      },
    },
    locationKey: location,
  };
}

/** A catalog entity provider the caller drives: every call is one `delta` mutation. */
export interface DrivenEntityProvider {
  /** The catalog backend module registering the provider. */
  module: ReturnType<typeof createBackendModule>;
  /**
   * Adds or replaces `added` and removes `removed` (entities the provider gave before) in one
   * `delta` mutation, once the catalog has connected the provider; the catalog processes and
   * stitches them itself.
   */
  applyDelta(added: Entity[], removed?: Entity[]): Promise<void>;
}

/**
 * A catalog backend module (`moduleId` and provider name both `name`) whose entity provider the
 * caller drives after the backend started: entities are given to the catalog in `delta` mutations
 * ({@link DrivenEntityProvider.applyDelta}), each with `locationKey` `location` and the
 * {@link managedByLocation} annotations, so that a benchmark can grow the catalog in steps or
 * change one entity, as an entity provider following a source of truth does.
 */
export function drivenEntityProvider(options: {
  name: string;
  location: string;
}): DrivenEntityProvider {
  const { name, location } = options;
  let resolveConnection: (connection: EntityProviderConnection) => void;
  const connected = new Promise<EntityProviderConnection>(resolve => {
    resolveConnection = resolve;
  });
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: name,
    register(env) {
      env.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.addEntityProvider({
            getProviderName: () => name,
            connect: async connection => resolveConnection(connection),
          });
        },
      });
    },
  });
  return {
    module,
    async applyDelta(added, removed = []) {
      const connection = await connected;
      await connection.applyMutation({
        type: 'delta',
        added: added.map(entity => providedFrom(location, entity)),
        removed: removed.map(entity => providedFrom(location, entity)),
      });
    },
  };
}
