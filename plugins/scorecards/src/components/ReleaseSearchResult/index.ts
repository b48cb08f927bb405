export { ReleaseSearchResultListItem } from './ReleaseSearchResultListItem';
export { RELEASE_SEARCH_TYPE } from './releaseSearchResult';
