import { Header, HeaderTabs } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Link as RouterLink } from 'react-router-dom';
import { freezeCalendarRouteRef, rootRouteRef } from '../../routes';

/** The plugin's header, with its two pages as tabs: the rollouts and the freeze calendar. */
export function RolloutsHeader(props: {
  selected: 'rollouts' | 'freeze-calendar';
}) {
  const rolloutsLink = useRouteRef(rootRouteRef);
  const calendarLink = useRouteRef(freezeCalendarRouteRef);
  return (
    <>
      <Header
        title="Tenant rollouts"
        subtitle="Releases delivered to tenants in waves, gated by health, bake time and freeze windows"
      />
      <HeaderTabs
        selectedIndex={props.selected === 'rollouts' ? 0 : 1}
        tabs={[
          {
            id: 'rollouts',
            label: 'Rollouts',
            tabProps: { component: RouterLink, to: rolloutsLink() },
          },
          {
            id: 'freeze-calendar',
            label: 'Freeze calendar',
            tabProps: { component: RouterLink, to: calendarLink() },
          },
        ]}
      />
    </>
  );
}
