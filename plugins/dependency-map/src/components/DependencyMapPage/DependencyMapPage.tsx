import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Chip,
  FormControl,
  Grid,
  InputLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Paper,
  Select,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  DEPENDENCY_DIRECTIONS,
  DEPENDENCY_EDGE_TYPES,
  DeployOrder,
  DependencyDirection,
  DependencyEdgeType,
  DependencySubgraph,
  GraphFilter,
  SubgraphNode,
  isDeployable,
} from '@waybill/plugin-dependency-map-common';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { dependencyMapApiRef } from '../../api';
import { LayoutInput } from '../../layout/layout';
import { useGraphLayout } from '../../layout/useGraphLayout';
import { RELEASE_TRAIN_PATH, rootRouteRef } from '../../routes';
import { colourOfType } from '../shared/colours';
import { EntityRefLink } from '../shared/EntityRefLink';
import { describeNode, shortRef } from '../shared/refs';
import { DeployWavesTable } from './DeployWavesTable';
import { DrawnEdge, GraphView } from './GraphView';

/** Most nodes a view asks for: the page is built to stay usable at this size. */
export const VIEW_MAX_NODES = 2000;
const KINDS = ['component', 'api', 'resource', 'system', 'domain'];

const useStyles = makeStyles(theme => ({
  controls: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  select: { minWidth: 160, maxWidth: 260 },
  legend: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 2,
    marginRight: 4,
    verticalAlign: 'middle',
  },
  results: { maxHeight: 200, overflow: 'auto' },
}));

/** The view's state, all in the URL so a view can be linked. */
interface ViewParams {
  process?: string;
  entity?: string;
  depth: number;
  direction: DependencyDirection;
  filter: GraphFilter;
  search: string;
}

const list = (value: string | null) =>
  value ? value.split(',').filter(Boolean) : [];

function readParams(search: URLSearchParams): ViewParams {
  const depth = Number(search.get('depth') ?? 2);
  const direction = search.get('direction') as DependencyDirection;
  return {
    process: search.get('process') || undefined,
    entity: search.get('entity') || undefined,
    depth: Number.isInteger(depth) && depth >= 0 && depth <= 20 ? depth : 2,
    direction: DEPENDENCY_DIRECTIONS.includes(direction) ? direction : 'both',
    filter: {
      kinds: list(search.get('kind')),
      types: list(search.get('type')),
      owners: list(search.get('owner')),
      relations: list(search.get('relation')).filter(
        (r): r is DependencyEdgeType =>
          DEPENDENCY_EDGE_TYPES.includes(r as DependencyEdgeType),
      ),
    },
    search: search.get('q') ?? '',
  };
}

function MultiSelect(props: {
  label: string;
  options: string[];
  value: string[];
  onChange(value: string[]): void;
}) {
  const classes = useStyles();
  const id = `dependency-map-${props.label.toLocaleLowerCase('en-US')}`;
  return (
    <FormControl className={classes.select} size="small">
      <InputLabel id={`${id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        multiple
        value={props.value}
        onChange={e => props.onChange(e.target.value as string[])}
        renderValue={selected => (selected as string[]).join(', ')}
      >
        {props.options.map(option => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * The dependency map: the estate, a business process or an entity's neighbourhood, laid out in
 * deploy waves (left to right) and business-process lanes, with the waves listed beside it.
 */
export function DependencyMapPage() {
  const classes = useStyles();
  const api = useApi(dependencyMapApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readParams(searchParams);
  const [selected, setSelected] = useState<string | undefined>();
  const [searchText, setSearchText] = useState(params.search);

  const update = (changes: Record<string, string | string[] | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      const text = Array.isArray(value) ? value.join(',') : value;
      if (text) next.set(key, text);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };

  // The business processes, for the selector: a one-node estate request carries them all.
  const processes = useAsync(
    async () => (await api.getEstate({ maxNodes: 1 })).processes,
    [api],
  );

  const viewKey = JSON.stringify([
    params.process,
    params.entity,
    params.depth,
    params.direction,
    params.filter,
  ]);
  const view = useAsync(async (): Promise<
    DependencySubgraph & { totalNodes?: number }
  > => {
    const filter = params.filter;
    if (params.entity) {
      return api.getNeighbourhood({
        entityRef: params.entity,
        depth: params.depth,
        direction: params.direction,
        maxNodes: VIEW_MAX_NODES,
        ...filter,
        businessProcesses: params.process ? [params.process] : undefined,
      });
    }
    if (params.process) {
      return api.getBusinessProcessGraph({
        process: params.process,
        maxNodes: VIEW_MAX_NODES,
        ...filter,
      });
    }
    return api.getEstate({ maxNodes: VIEW_MAX_NODES, ...filter });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, viewKey]);

  const nodes = useMemo(
    () => new Map((view.value?.nodes ?? []).map(n => [n.ref, n])),
    [view.value],
  );

  // Deploy waves: the estate's order (one request per visit), shown for the deployables in
  // view, so the wave numbers are the real ones and cycles through entities outside the view
  // (inventory and purchasing span two processes) are still named.
  const estateOrder = useAsync(() => api.getDeployOrder(), [api]);
  const order = useMemo((): { order: DeployOrder } | undefined => {
    if (!estateOrder.value || !view.value) return undefined;
    const inView = new Set(
      view.value.nodes.filter(isDeployable).map(n => n.ref),
    );
    const kept = new Map<number, number>();
    const blockers = estateOrder.value.blockers.filter((blocker, i) => {
      const touches = blocker.cycle.members.some(m => inView.has(m));
      if (touches) kept.set(i, kept.size);
      return touches;
    });
    const waves = estateOrder.value.waves
      .map(wave => ({
        ...wave,
        entityRefs: wave.entityRefs.filter(ref => inView.has(ref)),
        blockers: wave.blockers.filter(i => kept.has(i)).map(i => kept.get(i)!),
      }))
      .filter(wave => wave.entityRefs.length > 0);
    return {
      order: {
        waves,
        blockers,
        sequence: estateOrder.value.sequence.filter(ref => inView.has(ref)),
      },
    };
  }, [estateOrder.value, view.value]);

  const processRef = params.process
    ? processes.value?.find(
        p => p.name === params.process || p.ref === params.process,
      )?.ref
    : undefined;

  const layoutInput = useMemo((): LayoutInput | undefined => {
    if (!view.value) return undefined;
    const laneOf = (node: SubgraphNode) =>
      processRef && node.businessProcesses.includes(processRef)
        ? processRef
        : node.businessProcesses[0];
    return {
      nodes: view.value.nodes.map(node => ({
        id: node.ref,
        lane: laneOf(node),
      })),
      edges: view.value.edges.filter(e => e.type !== 'partOf'),
      lanes: (processes.value ?? []).map(p => ({ id: p.ref, title: p.title })),
    };
  }, [view.value, processes.value, processRef]);
  const layout = useGraphLayout(layoutInput);

  const drawnEdges = useMemo(
    (): DrawnEdge[] =>
      (view.value?.edges ?? []).map(e => ({
        source: e.source,
        target: e.target,
        type: e.type,
        inCycle: Boolean(e.inCycle),
      })),
    [view.value],
  );

  // Cycles touching the view: those among the drawn edges, and those the deploy order names as
  // blockers, whose other members may be outside the view (a process's map still shows that
  // inventory cannot go out before purchasing, which serves another process).
  const cycles = useMemo(() => {
    const found = new Map<string, string[]>();
    for (const blocker of order?.order.blockers ?? []) {
      const members = [...blocker.cycle.members].sort();
      found.set(members.join(' '), members);
    }
    for (const edge of view.value?.edges ?? []) {
      if (!edge.inCycle || edge.source === edge.target) continue;
      const pair = [edge.source, edge.target].sort();
      const covered = [...found.values()].some(
        members => members.includes(pair[0]) && members.includes(pair[1]),
      );
      if (!covered) found.set(pair.join(' '), pair);
    }
    return [...found.values()];
  }, [view.value, order]);
  const cycleMembers = useMemo(() => new Set(cycles.flat()), [cycles]);

  const search = params.search.trim().toLocaleLowerCase('en-US');
  const matches = useMemo(() => {
    if (!search) return undefined;
    return new Set(
      (view.value?.nodes ?? [])
        .filter(
          n =>
            n.title.toLocaleLowerCase('en-US').includes(search) ||
            n.ref.includes(search),
        )
        .map(n => n.ref),
    );
  }, [view.value, search]);

  const options = useMemo(() => {
    const types = new Set(params.filter.types);
    const owners = new Set(params.filter.owners);
    for (const node of view.value?.nodes ?? []) {
      if (node.type) types.add(node.type);
      if (node.owner) owners.add(node.owner);
    }
    return {
      types: [...types].sort(),
      owners: [...owners].sort(),
    };
  }, [view.value, params.filter.types, params.filter.owners]);

  const legend = useMemo(() => {
    const types = new Set<string>();
    for (const node of view.value?.nodes ?? [])
      types.add(node.type ?? node.kind);
    return [...types].sort();
  }, [view.value]);

  const selectedNode = selected ? nodes.get(selected) : undefined;
  const focusNode = params.entity
    ? [...nodes.values()].find(n => n.distance === 0)
    : undefined;

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
        <Paper className={classes.controls}>
          <Grid container spacing={2} alignItems="flex-end">
            <Grid item>
              <FormControl className={classes.select} size="small">
                <InputLabel id="dependency-map-process-label">
                  Business process
                </InputLabel>
                <Select
                  labelId="dependency-map-process-label"
                  id="dependency-map-process"
                  value={params.process ?? ''}
                  onChange={e =>
                    update({ process: (e.target.value as string) || undefined })
                  }
                >
                  <MenuItem value="">All processes</MenuItem>
                  {(processes.value ?? []).map(p => (
                    <MenuItem key={p.ref} value={p.name}>
                      {p.title}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            </Grid>
            <Grid item>
              <TextField
                id="dependency-map-search"
                label="Search"
                size="small"
                value={searchText}
                placeholder="Title or ref"
                onChange={e => {
                  setSearchText(e.target.value);
                  update({ q: e.target.value });
                }}
              />
            </Grid>
            <Grid item>
              <TextField
                id="dependency-map-depth"
                label="Depth"
                type="number"
                size="small"
                style={{ width: 80 }}
                disabled={!params.entity}
                inputProps={{ min: 0, max: 20 }}
                value={params.depth}
                onChange={e => update({ depth: e.target.value })}
              />
            </Grid>
            <Grid item>
              <FormControl
                className={classes.select}
                size="small"
                disabled={!params.entity}
              >
                <InputLabel id="dependency-map-direction-label">
                  Direction
                </InputLabel>
                <Select
                  labelId="dependency-map-direction-label"
                  id="dependency-map-direction"
                  value={params.direction}
                  onChange={e =>
                    update({ direction: e.target.value as string })
                  }
                >
                  <MenuItem value="both">Both</MenuItem>
                  <MenuItem value="upstream">Upstream (what it needs)</MenuItem>
                  <MenuItem value="downstream">
                    Downstream (what needs it)
                  </MenuItem>
                </Select>
              </FormControl>
            </Grid>
            <Grid item>
              <MultiSelect
                label="Kind"
                options={KINDS}
                value={params.filter.kinds ?? []}
                onChange={value => update({ kind: value })}
              />
            </Grid>
            <Grid item>
              <MultiSelect
                label="Type"
                options={options.types}
                value={params.filter.types ?? []}
                onChange={value => update({ type: value })}
              />
            </Grid>
            <Grid item>
              <MultiSelect
                label="Owner"
                options={options.owners}
                value={params.filter.owners ?? []}
                onChange={value => update({ owner: value })}
              />
            </Grid>
            <Grid item>
              <MultiSelect
                label="Relation"
                options={[...DEPENDENCY_EDGE_TYPES]}
                value={params.filter.relations ?? []}
                onChange={value => update({ relation: value })}
              />
            </Grid>
            {params.entity && (
              <Grid item>
                <Chip
                  label={`Focus: ${shortRef(params.entity)}`}
                  onDelete={() => update({ entity: undefined })}
                  color="primary"
                />
              </Grid>
            )}
          </Grid>
          {matches && (
            <Box mt={1}>
              <Typography variant="body2" color="textSecondary">
                {matches.size} {matches.size === 1 ? 'match' : 'matches'} in
                view
              </Typography>
              <List
                dense
                className={classes.results}
                aria-label="Search results"
              >
                {[...matches].slice(0, 50).map(ref => (
                  <ListItem
                    key={ref}
                    button
                    selected={ref === selected}
                    onClick={() => setSelected(ref)}
                  >
                    <ListItemText
                      primary={nodes.get(ref)?.title ?? ref}
                      secondary={ref}
                    />
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
        </Paper>

        {view.error && <ResponseErrorPanel error={view.error} />}
        {!view.error &&
          (view.loading || (layout.pending && !layout.layout)) && <Progress />}

        {view.value && !view.error && (
          <>
            {cycles.length > 0 && (
              <Box mb={2}>
                <Alert severity="warning" aria-label="Dependency cycles">
                  {cycles.map(members => (
                    <div key={members.join(' ')}>
                      Cycle:{' '}
                      {members
                        .map(ref => nodes.get(ref)?.title ?? shortRef(ref))
                        .join(' ⇄ ')}
                      . They cannot be deployed in order; break the cycle or
                      release them together.
                      {members.some(ref => !nodes.has(ref))
                        ? ' Part of it is outside this view.'
                        : ''}
                    </div>
                  ))}
                </Alert>
              </Box>
            )}
            {view.value.truncated && (
              <Box mb={2}>
                <Alert severity="info">
                  Showing the first {view.value.nodes.length} of{' '}
                  {view.value.totalNodes ?? 'more'} entities; narrow the view
                  with a business process, a focus entity or filters.
                </Alert>
              </Box>
            )}
            {view.value.nodes.length === 0 ? (
              <Alert severity="info">No entities match this view.</Alert>
            ) : (
              <Grid container spacing={2}>
                <Grid item xs={12} lg={8}>
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    gutterBottom
                  >
                    {view.value.nodes.length} entities,{' '}
                    {view.value.edges.length} edges. Providers on the left,
                    consumers on the right: read left to right in deploy order.
                    {layout.layout && layout.durationMs !== undefined
                      ? ` Laid out in ${Math.round(layout.durationMs)} ms ${
                          layout.ranIn === 'worker'
                            ? 'in a Web Worker'
                            : 'on the main thread'
                        }.`
                      : ''}
                  </Typography>
                  {layout.error && <ResponseErrorPanel error={layout.error} />}
                  {layout.layout && (
                    <GraphView
                      layout={layout.layout}
                      nodes={nodes}
                      edges={drawnEdges}
                      focusRef={focusNode?.ref}
                      selectedRef={selected}
                      matches={matches}
                      cycleMembers={cycleMembers}
                      onSelect={setSelected}
                    />
                  )}
                  <Box mt={1} className={classes.legend} aria-label="Legend">
                    {legend.map(type => (
                      <Typography key={type} variant="caption">
                        <span
                          className={classes.swatch}
                          style={{ background: colourOfType(type) }}
                        />
                        {type}
                      </Typography>
                    ))}
                  </Box>
                  {selectedNode && (
                    <Paper
                      className={classes.controls}
                      style={{ marginTop: 16 }}
                    >
                      <Typography variant="h6" component="h2">
                        {describeNode(selectedNode)}
                      </Typography>
                      <Typography
                        variant="body2"
                        color="textSecondary"
                        paragraph
                      >
                        {selectedNode.ref}
                        {selectedNode.owner
                          ? ` · owner ${selectedNode.owner}`
                          : ''}
                        {selectedNode.businessProcesses.length > 0
                          ? ` · ${selectedNode.businessProcesses.join(', ')}`
                          : ''}
                      </Typography>
                      <Box display="flex" style={{ gap: 8 }}>
                        <Button
                          size="small"
                          variant="contained"
                          color="primary"
                          onClick={() => update({ entity: selectedNode.ref })}
                        >
                          Focus here
                        </Button>
                        <Button size="small" variant="outlined">
                          <EntityRefLink entityRef={selectedNode.ref}>
                            Open in catalog
                          </EntityRefLink>
                        </Button>
                        {selectedNode.kind === 'component' && (
                          <Button size="small" variant="outlined">
                            <EntityRefLink
                              entityRef={selectedNode.ref}
                              tab="dependencies"
                            >
                              Blast radius
                            </EntityRefLink>
                          </Button>
                        )}
                      </Box>
                    </Paper>
                  )}
                </Grid>
                <Grid item xs={12} lg={4}>
                  {estateOrder.error && (
                    <ResponseErrorPanel error={estateOrder.error} />
                  )}
                  {order && (
                    <DeployWavesTable
                      order={order.order}
                      nodes={nodes}
                      onSelect={setSelected}
                    />
                  )}
                </Grid>
              </Grid>
            )}
          </>
        )}
      </Content>
    </Page>
  );
}
