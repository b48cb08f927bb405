/**
 * The HTTP plumbing Waybill's typed plugin clients share (scorecards, dependency map, tenant
 * rollouts): the backend's base URL from discovery, query strings, JSON bodies, and errors that
 * carry the server's reason.
 *
 * @packageDocumentation
 */

export {
  PluginHttpClient,
  commaJoined,
  jsonBody,
  responseError,
  type PluginClientOptions,
  type QueryValue,
} from './PluginHttpClient';
