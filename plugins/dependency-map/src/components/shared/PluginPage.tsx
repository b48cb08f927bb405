import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Button } from '@material-ui/core';
import { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

/**
 * The shell of the plugin's pages (the dependency map and the release-train planner): a tool
 * page with its header, and a heading with a button linking to the other page beside it.
 */
export function PluginPage(props: {
  title: string;
  subtitle: string;
  heading: string;
  /** The button beside the heading: to `path` below the plugin's root, or to the root itself. */
  link: { label: string; path?: string; color?: 'primary' };
  children: ReactNode;
}) {
  const rootLink = useRouteRef(rootRouteRef);
  const { link } = props;
  return (
    <Page themeId="tool">
      <Header title={props.title} subtitle={props.subtitle} />
      <Content>
        <ContentHeader title={props.heading}>
          <Button
            variant="outlined"
            color={link.color}
            component={RouterLink}
            to={link.path ? `${rootLink()}/${link.path}` : rootLink()}
          >
            {link.label}
          </Button>
        </ContentHeader>
        {props.children}
      </Content>
    </Page>
  );
}
