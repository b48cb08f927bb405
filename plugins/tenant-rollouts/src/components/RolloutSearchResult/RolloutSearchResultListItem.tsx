import { Typography } from '@material-ui/core';
import { type DefaultResultListItemProps } from '@backstage/plugin-search-react';
import { SearchResultItem } from '@waybill/plugin-waybill-react';
import { RolloutStateChip } from '../shared/rolloutState';
import { readRolloutResult } from './rolloutSearchResult';

/**
 * A tenant rollout in the portal's search results: the release it delivers, linked to its board,
 * where its waves are and how many tenants it reaches, and its state and environment.
 */
export function RolloutSearchResultListItem(props: DefaultResultListItemProps) {
  if (!props.result) return null;
  const { status, environment } = readRolloutResult(props.result);
  return (
    <SearchResultItem {...props}>
      {status && <RolloutStateChip state={status} />}
      {environment && (
        <Typography variant="caption" color="textSecondary">
          to {environment}
        </Typography>
      )}
    </SearchResultItem>
  );
}
