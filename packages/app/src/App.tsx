import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogModule } from './modules/catalog';
import { navModule } from './modules/nav';
import { notificationsModule } from './modules/notifications';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

/**
 * The Waybill portal: every plugin in package.json, plus the app's own nav, home and sign-in,
 * the catalog's index page with the releases' grade and gate columns, and the notification
 * settings under Settings.
 */
export default createApp({
  features: [
    catalogPlugin,
    catalogModule,
    navModule,
    homeModule,
    signInModule,
    notificationsModule,
  ],
});
