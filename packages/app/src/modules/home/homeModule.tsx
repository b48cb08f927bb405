import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Waybill

Releases of the ERP estate, its integrations and customer apps are governed here,
with evidence instead of by hand.

- **[Catalog](/catalog)**: ERP modules, integrations, customer-facing apps, their APIs,
  the business processes they serve and the tenants they are deployed for.
- **[Create](/create)**: start a new service from a golden template.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting started',
    description: 'Where to begin in the Waybill portal',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

/** The Waybill home page widgets. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
