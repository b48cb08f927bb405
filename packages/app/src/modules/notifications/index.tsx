import { Content } from '@backstage/core-components';
import {
  createFrontendModule,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { UserNotificationSettingsCard } from '@backstage/plugin-notifications';

/** The senders of the portal's notifications, by the origin the notifications backend records. */
const ORIGINS: Record<string, string> = {
  'plugin:scorecards': 'Release scorecards',
  'plugin:tenant-rollouts': 'Tenant rollouts',
  'plugin:dependency-map': 'Dependency map',
};

/**
 * Settings > Notifications: which senders and topics (a held rollout, a changed gate, an
 * expiring waiver...) reach the user in the portal and by any channel the notifications backend
 * has a module for; each can be muted.
 */
const notificationSettings = SubPageBlueprint.make({
  name: 'notifications',
  params: {
    path: 'notifications',
    title: 'Notifications',
    loader: async () => (
      <Content>
        <UserNotificationSettingsCard originNames={ORIGINS} />
      </Content>
    ),
  },
});

export const notificationsModule = createFrontendModule({
  pluginId: 'user-settings',
  extensions: [notificationSettings],
});
