import {
  Content,
  Header,
  HeaderLabel,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  BoardFilter,
  boardQuery,
  boardRows,
  filterFromSearch,
  healthHeatmap,
  offsetFromSearch,
  searchAtOffset,
  searchWithFilter,
} from './boardView';
import { formatActor } from '../shared/format';
import { BoardSummary } from './BoardSummary';
import { FailureVerdict } from './FailureVerdict';
import { HealthHeatmap } from './HealthHeatmap';
import { RolloutActions } from './RolloutActions';
import { RolloutTrail } from './RolloutTrail';
import { TenantBoard } from './TenantBoard';
import { useRollout } from './useRollout';
import { WaveProgress } from './WaveProgress';

function Board(props: {
  view: RolloutView;
  rollout: ReturnType<typeof useRollout>;
}) {
  const { view, rollout } = props;
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const setFilter = (next: BoardFilter) =>
    setSearch(searchWithFilter(search, next), { replace: true });
  const setOffset = (offset: number) =>
    setSearch(searchAtOffset(search, offset), { replace: true });
  const rows = useMemo(() => boardRows(view), [view]);
  const heatmap = useMemo(() => healthHeatmap(view.heatmap), [view]);
  const tenants = view.waves.reduce((n, w) => n + w.total, 0);
  return (
    <Grid
      container
      spacing={3}
      data-testid="rollout-board"
      data-tenants={tenants}
    >
      <Grid item xs={12}>
        <BoardSummary
          view={view}
          tenants={tenants}
          liveUpdates={rollout.liveUpdates}
          onRefresh={() => rollout.reload()}
        />
        <RolloutActions
          view={view}
          acting={rollout.acting}
          refused={rollout.refused}
          actionError={rollout.actionError}
          onAct={rollout.act}
          onDismiss={rollout.dismiss}
        />
      </Grid>
      <Grid item xs={12}>
        <WaveProgress waves={view.waves} />
      </Grid>
      <Grid item xs={12} md={7}>
        <FailureVerdict analysis={view.analysis} />
      </Grid>
      <Grid item xs={12} md={5}>
        <HealthHeatmap
          heatmap={heatmap}
          selected={filter}
          onSelect={cell =>
            setFilter(
              filter.region === cell.region && filter.tier === cell.tier
                ? { ...filter, region: undefined, tier: undefined }
                : { ...filter, region: cell.region, tier: cell.tier },
            )
          }
        />
      </Grid>
      <Grid item xs={12}>
        <TenantBoard
          rows={rows}
          page={view.tenants}
          filter={filter}
          axisValues={view.axisValues}
          onFilter={setFilter}
          onPage={setOffset}
        />
      </Grid>
      <Grid item xs={12}>
        <RolloutTrail events={view.events} />
      </Grid>
    </Grid>
  );
}

/** The release a rollout delivers, by the entity's title: `Sales 7.4.0 → production`. */
function ReleaseSubtitle(props: { view: RolloutView }) {
  const { view } = props;
  const { primaryTitle } = useEntityPresentation(view.entityRef);
  return (
    <>
      {primaryTitle} {view.version} → {view.environment}
    </>
  );
}

/** A rollout's board: waves by tenants, health, failure analysis, freeze holds and the actions allowed. */
export function RolloutBoardPage() {
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const query = useMemo(
    () => boardQuery(filterFromSearch(search), offsetFromSearch(search)),
    [search],
  );
  const rollout = useRollout(id, query);
  const { view, loadError } = rollout;
  return (
    <Page themeId="tool">
      <Header
        title={view ? `Rollout #${view.id}` : `Rollout #${id}`}
        subtitle={view ? <ReleaseSubtitle view={view} /> : undefined}
      >
        {view && (
          <HeaderLabel label="Created by" value={formatActor(view.createdBy)} />
        )}
      </Header>
      <Content>
        {loadError && !view && <ResponseErrorPanel error={loadError} />}
        {!loadError && !view && <Progress />}
        {view && <Board view={view} rollout={rollout} />}
      </Content>
    </Page>
  );
}
