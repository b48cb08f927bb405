import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ReactNode } from 'react';
import { entityRouteParams } from './refs';

/** A link to an entity's page in the catalog, with its title as the text. */
export function EntityRefLink(props: {
  entityRef: string;
  title?: string;
  /** A tab below the entity page, e.g. `dependencies`. */
  tab?: string;
  children?: ReactNode;
}) {
  const entityRoute = useRouteRef(entityRouteRef);
  const path = entityRoute(entityRouteParams(props.entityRef));
  return (
    <Link to={props.tab ? `${path}/${props.tab}` : path}>
      {props.children ?? props.title ?? props.entityRef}
    </Link>
  );
}
