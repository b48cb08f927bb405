import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { makeStyles } from '@material-ui/core';
import { SidebarLogo } from './SidebarLogo';
import { CollapseOnSmallScreens } from './useCollapseOnSmallScreens';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import NotificationsIcon from '@material-ui/icons/Notifications';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';

const useStyles = makeStyles({
  /**
   * Backstage cuts a label longer than 110 px with an ellipsis ("Dependency …"); it wraps onto a
   * second line instead, which the item's 48 px hold.
   */
  item: {
    '& .MuiTypography-root': {
      whiteSpace: 'normal',
      overflow: 'visible',
      lineHeight: 1.2,
    },
  },
});

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: function WaybillSidebar({ navItems }) {
      const classes = useStyles();
      const nav = navItems.withComponent(item => (
        <SidebarItem
          icon={() => item.icon}
          to={item.href}
          text={item.title}
          className={classes.item}
        />
      ));

      // Skipped items
      nav.take('page:search'); // Using search modal instead
      nav.take('page:notifications'); // NotificationsSidebarItem, with its unread count

      return (
        <Sidebar>
          <CollapseOnSmallScreens />
          <SidebarLogo />
          <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:home')}
            {nav.take('page:catalog')}
            {nav.take('page:scaffolder')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          {/*
            The unread count in the item's own text (its accessible name is what it shows), and
            a snackbar when one arrives (through signals).
          */}
          <NotificationsSidebarItem
            webNotificationsEnabled={false}
            snackbarProps={{ enabled: true }}
            renderItem={({ unreadCount, to, onClick }) => (
              <SidebarItem
                icon={NotificationsIcon}
                to={to}
                onClick={onClick}
                text={
                  unreadCount > 0
                    ? `Notifications (${unreadCount})`
                    : 'Notifications'
                }
                hasNotifications={unreadCount > 0}
                className={classes.item}
              />
            )}
          />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:app-visualizer')}
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
