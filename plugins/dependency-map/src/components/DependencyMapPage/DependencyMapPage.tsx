import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Button } from '@material-ui/core';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { RELEASE_TRAIN_PATH, rootRouteRef } from '../../routes';
import { MapControls } from './MapControls';
import { MapResults } from './MapResults';
import { useDependencyMapData, useDependencyMapView } from './useDependencyMap';
import { showParam, useViewParams } from './viewParams';

export { VIEW_MAX_NODES } from './useDependencyMap';

/**
 * The dependency map: the estate, a business process or an entity's neighbourhood, laid out in
 * deploy stages (left to right) and business-process lanes, with the stages listed beside it.
 */
export function DependencyMapPage() {
  const rootLink = useRouteRef(rootRouteRef);
  const { params, update } = useViewParams();
  const [selected, setSelected] = useState<string | undefined>();
  const data = useDependencyMapData(params);
  const state = useDependencyMapView(params, data);
  const { view } = data;
  const { focusNode, layout } = state;

  return (
    <Page themeId="tool">
      <Header
        title="Dependency map"
        subtitle="ERP modules, integrations and customer apps by business process, in deploy order"
      />
      <Content>
        <ContentHeader
          title={focusNode ? `Around ${focusNode.title}` : 'Estate'}
        >
          <Button
            variant="outlined"
            color="primary"
            component={RouterLink}
            to={`${rootLink()}/${RELEASE_TRAIN_PATH}`}
          >
            Plan a release train
          </Button>
        </ContentHeader>
        <MapControls
          params={params}
          update={update}
          processes={data.processes.value ?? []}
          options={state.options}
          matches={state.matches}
          titleOf={ref => state.nodes.get(ref)?.title}
          selected={selected}
          onSelect={setSelected}
        />

        {view.error && <ResponseErrorPanel error={view.error} />}
        {!view.error &&
          (view.loading || (layout.pending && !layout.layout)) && <Progress />}

        {view.value && !view.error && (
          <MapResults
            view={view.value}
            state={state}
            estateOrder={data.estateOrder}
            selected={selected}
            onSelect={setSelected}
            onFocus={(ref, direction) =>
              update(direction ? { entity: ref, direction } : { entity: ref })
            }
            onShowTenants={() =>
              update({ show: showParam(params.show, { tenants: true }) })
            }
          />
        )}
      </Content>
    </Page>
  );
}
