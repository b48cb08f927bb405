import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useState } from 'react';
import { RELEASE_TRAIN_PATH } from '../../routes';
import { PluginPage } from '../shared/PluginPage';
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
  const { params, update } = useViewParams();
  const [selected, setSelected] = useState<string | undefined>();
  const data = useDependencyMapData(params);
  const state = useDependencyMapView(params, data);
  const { view } = data;
  const { focusNode, layout } = state;

  return (
    <PluginPage
      title="Dependency map"
      subtitle="ERP modules, integrations and customer apps by business process, in deploy order"
      heading={focusNode ? `Around ${focusNode.title}` : 'Estate'}
      link={{
        label: 'Plan a release train',
        path: RELEASE_TRAIN_PATH,
        color: 'primary',
      }}
    >
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
      {!view.error && (view.loading || (layout.pending && !layout.layout)) && (
        <Progress />
      )}

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
    </PluginPage>
  );
}
