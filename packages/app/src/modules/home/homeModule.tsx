import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageLayoutProps,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { CustomHomepageGrid } from '@backstage/plugin-home';
import {
  Content,
  Header,
  MarkdownContent,
  Page,
} from '@backstage/core-components';
import { Fragment, useMemo } from 'react';

const content = `
Releases of the ERP estate, its integrations and customer apps are governed here,
with evidence instead of by hand.

- **[Scorecards](/scorecards)**: every release scored from its CI evidence (tests, coverage,
  scans, SBOM, signatures, rollback readiness) and gated per environment by policy.
- **[Dependency map](/dependency-map)**: how ERP modules, integrations and customer apps depend
  on each other by business process, the safe deployment order and a change's blast radius.
- **[Tenant rollouts](/tenant-rollouts)**: a release delivered to tenants in waves, held by
  gates, tenant health and freeze windows.
- **[Create](/create)**: start a new service from a golden template whose pipeline reports to
  all of the above.
- **[Catalog](/catalog)**: the services, their APIs, the business processes they serve and the
  tenants they are deployed for.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'What Waybill does',
    description: 'The portal’s capabilities, a sentence each',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

/**
 * The home page's layout: the default one (the widgets on the customisable grid, placed by
 * `page:home`'s `defaultConfig`) under the portal's Header, the page's one <h1>, and with a
 * title for the grid, whose heading the default layout leaves empty.
 */
function WaybillHomeLayout(props: HomePageLayoutProps) {
  const { widgets, defaultConfig } = props;
  const config = useMemo(
    () =>
      defaultConfig?.map(item => ({
        component: item.component,
        x: item.column,
        y: item.row,
        width: item.width,
        height: item.height,
        movable: item.movable,
        deletable: item.deletable,
        resizable: item.resizable,
      })),
    [defaultConfig],
  );
  return (
    <Page themeId="home">
      <Header
        title="Waybill"
        subtitle="Releases of the ERP estate, governed with evidence"
      />
      <Content>
        <CustomHomepageGrid title="What needs you" config={config}>
          {widgets.map((widget, index) => (
            <Fragment key={widget.name ?? index}>{widget.component}</Fragment>
          ))}
        </CustomHomepageGrid>
      </Content>
    </Page>
  );
}

const homeLayout = HomePageLayoutBlueprint.make({
  params: { loader: async () => WaybillHomeLayout },
});

/**
 * The Waybill home page: its layout and introduction; the plugins bring the widgets of what
 * needs attention.
 */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget, homeLayout],
});
