export { RolloutSearchResultListItem } from './RolloutSearchResultListItem';
export { ROLLOUT_SEARCH_TYPE } from './rolloutSearchResult';
