import { type DefaultResultListItemProps } from '@backstage/plugin-search-react';
import { SearchResultItem } from '@waybill/plugin-waybill-react';
import { GateChip, GradeChip } from '../shared/chips';
import { readReleaseResult } from './releaseSearchResult';

/**
 * A release in the portal's search results: its name and version, linked to its scorecard, what
 * the release is (entity, owner, system, business processes), and its grade and gate per
 * environment as the release's page shows them.
 */
export function ReleaseSearchResultListItem(props: DefaultResultListItemProps) {
  if (!props.result) return null;
  const { grade, gates } = readReleaseResult(props.result);
  return (
    <SearchResultItem {...props}>
      {grade && <GradeChip grade={grade} />}
      {gates.map(gate => (
        <GateChip key={gate.environment} {...gate} />
      ))}
    </SearchResultItem>
  );
}
