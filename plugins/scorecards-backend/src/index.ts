/** Release scorecards backend: evidence from CI, policy evaluation, stored results and gates. */
export { scorecardsPlugin as default } from './plugin';
