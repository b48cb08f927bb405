import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';

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
                entities: entities.map(entity => ({
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
                })),
              });
            },
          });
        },
      });
    },
  });
}
