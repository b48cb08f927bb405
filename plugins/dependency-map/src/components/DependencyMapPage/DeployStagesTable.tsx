import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import type {
  DeployOrder,
  DependencyNode,
} from '@waybill/plugin-dependency-map-common';
import { shortRef } from '../shared/refs';

const useStyles = makeStyles(theme => ({
  container: { maxHeight: 600 },
  entity: {
    display: 'inline-block',
    marginRight: theme.spacing(1),
    cursor: 'pointer',
    color: theme.palette.link ?? theme.palette.primary.main,
    background: 'none',
    border: 'none',
    padding: 0,
    font: 'inherit',
    textDecoration: 'underline',
  },
  blocked: { color: theme.palette.error.main, fontWeight: 600 },
}));

/** Most entities listed per wave; the rest are counted. */
const MAX_LISTED = 40;

/** The deploy waves of the entities in view, beside the graph. */
export function DeployWavesTable(props: {
  order: DeployOrder;
  nodes: Map<string, DependencyNode>;
  onSelect(ref: string): void;
}) {
  const classes = useStyles();
  const { order, nodes, onSelect } = props;
  const cycleMembers = new Set(order.blockers.flatMap(b => b.entityRefs));
  return (
    <>
      <Typography variant="h6" component="h2">
        Deploy waves
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        The estate&apos;s deploy order, for the deployables in view: providers
        first; the members of a wave may deploy in parallel.
      </Typography>
      {order.waves.length === 0 ? (
        <Typography variant="body2">No deployables in view.</Typography>
      ) : (
        <TableContainer className={classes.container}>
          <Table size="small" stickyHeader aria-label="Deploy waves">
            <TableHead>
              <TableRow>
                <TableCell>Wave</TableCell>
                <TableCell>Entities</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {order.waves.map(wave => (
                <TableRow key={wave.index}>
                  <TableCell>{wave.index + 1}</TableCell>
                  <TableCell>
                    {wave.entityRefs.slice(0, MAX_LISTED).map(ref => (
                      <button
                        type="button"
                        key={ref}
                        className={`${classes.entity} ${
                          cycleMembers.has(ref) ? classes.blocked : ''
                        }`}
                        onClick={() => onSelect(ref)}
                      >
                        {nodes.get(ref)?.title ?? ref}
                      </button>
                    ))}
                    {wave.entityRefs.length > MAX_LISTED && (
                      <Typography variant="caption">
                        and {wave.entityRefs.length - MAX_LISTED} more
                      </Typography>
                    )}
                    {wave.blockers.map(b => (
                      <Typography
                        key={b}
                        variant="caption"
                        display="block"
                        className={classes.blocked}
                      >
                        Blocked by a cycle:{' '}
                        {order.blockers[b].entityRefs
                          .map(ref => nodes.get(ref)?.title ?? shortRef(ref))
                          .join(' ⇄ ')}
                      </Typography>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
