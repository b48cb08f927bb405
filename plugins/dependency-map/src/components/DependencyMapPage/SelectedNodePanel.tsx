import { Link } from '@backstage/core-components';
import { Box, Button, Paper, Typography, makeStyles } from '@material-ui/core';
import type { SubgraphNode } from '@waybill/plugin-dependency-map-common';
import {
  DEPENDENCIES_TAB_PATH,
  ROLLOUTS_TAB_PATH,
  SCORECARDS_TAB_PATH,
  useEntityPath,
} from '../shared/entityLinks';
import { countOf } from '../shared/nodeClasses';
import { describeNode } from '../shared/refs';
import { Hint } from '../shared/Hint';

const useStyles = makeStyles(theme => ({
  panel: { padding: theme.spacing(2), marginTop: theme.spacing(2) },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(0, 0, 2),
  },
}));

/**
 * Where to go from a node: its catalog page and, for components (the kind the scorecards and
 * rollouts plugins add tabs to), its release scorecard, its rollouts and its blast radius.
 */
function NodeLinks(props: { node: SubgraphNode }) {
  const classes = useStyles();
  const entityPath = useEntityPath();
  const { node } = props;
  const links: Array<[string, string | undefined]> = [
    ['Open in catalog', undefined],
    ...(node.kind === 'component'
      ? ([
          ['Release scorecard', SCORECARDS_TAB_PATH],
          ['Rollouts', ROLLOUTS_TAB_PATH],
          ['Blast radius', DEPENDENCIES_TAB_PATH],
        ] as Array<[string, string]>)
      : []),
  ];
  return (
    <ul className={classes.links} aria-label={`Links for ${node.title}`}>
      {links.map(([label, tab]) => (
        <li key={label}>
          <Link to={entityPath(node.ref, tab)}>{label}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The selected node: what it is, the tenants it serves that are hidden, links to its catalog
 * page, scorecard, rollouts and blast radius, and buttons to focus the map on it or on what it
 * affects.
 */
export function SelectedNodePanel(props: {
  node: SubgraphNode;
  /** How many tenants it serves that the view hides. */
  hiddenTenants?: number;
  onFocus(ref: string, direction?: 'downstream'): void;
  onShowTenants(): void;
}) {
  const classes = useStyles();
  const { node, hiddenTenants } = props;
  return (
    <Paper className={classes.panel}>
      <Typography variant="h6" component="h2">
        {describeNode(node)}
      </Typography>
      <Hint paragraph>
        {node.ref}
        {node.owner ? ` · owner ${node.owner}` : ''}
        {node.businessProcesses.length > 0
          ? ` · ${node.businessProcesses.join(', ')}`
          : ''}
      </Hint>
      {hiddenTenants ? (
        <Typography variant="body2" paragraph>
          Serves {countOf(hiddenTenants, 'tenant', 'tenants')}, hidden in this
          view.{' '}
          <Button size="small" color="primary" onClick={props.onShowTenants}>
            Show tenants
          </Button>
        </Typography>
      ) : null}
      <NodeLinks node={node} />
      <Box display="flex" style={{ gap: 8 }}>
        <Button
          size="small"
          variant="contained"
          color="primary"
          onClick={() => props.onFocus(node.ref)}
        >
          Focus here
        </Button>
        <Button
          size="small"
          variant="outlined"
          onClick={() => props.onFocus(node.ref, 'downstream')}
        >
          Map what it affects
        </Button>
      </Box>
    </Paper>
  );
}
