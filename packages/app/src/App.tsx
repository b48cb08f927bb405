import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogModule } from './modules/catalog';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

/**
 * The Waybill portal: every plugin in package.json, plus the app's own nav, home and sign-in,
 * and the catalog's index page with the releases' grade and gate columns.
 */
export default createApp({
  features: [catalogPlugin, catalogModule, navModule, homeModule, signInModule],
});
