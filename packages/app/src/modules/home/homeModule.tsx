import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

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

/** The Waybill home page's introduction; the plugins bring the widgets of what needs attention. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
