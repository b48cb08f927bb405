/*
 * The scorecards API the release picker asks, through the scorecards plugin's own apiRef (the
 * app provides it with the scorecards plugin; without that plugin the picker is a text field).
 * Scorecards has no `-react` package for its apiRef, so it comes from the frontend plugin, the
 * one import of it in tenant rollouts.
 */
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the apiRef only; see above
export { scorecardsApiRef } from '@waybill/plugin-scorecards';
