/** Test helpers shared by Waybill's frontend plugins. */
export {
  expectInertMarkup,
  HOSTILE_MARKUP,
  HOSTILE_MARKUP_ROWS,
} from './hostileMarkup';
export type { HostileMarkup } from './hostileMarkup';
export { httpClientOptions, renderPlugin } from './renderPlugin';
export type { RenderPluginOptions } from './renderPlugin';
