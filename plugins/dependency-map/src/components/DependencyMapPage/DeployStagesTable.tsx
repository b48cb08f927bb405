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
import type { DeployOrder } from '@waybill/plugin-dependency-map-common';
import { Hint } from '../shared/Hint';

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
  // The theme's error text keeps 4.5:1 on white; the error main colour does not.
  blocked: { color: theme.palette.errorText, fontWeight: 600 },
}));

/** Most entities listed per stage; the rest are counted. */
const MAX_LISTED = 40;

/** The deploy stages of the entities in view, beside the graph. */
export function DeployStagesTable(props: {
  order: DeployOrder;
  onSelect(ref: string): void;
  /** Titles of every ref, in view or not (cycle members). */
  titleOf(ref: string): string;
}) {
  const classes = useStyles();
  const { order, onSelect, titleOf } = props;
  const cycleMembers = new Set(order.blockers.flatMap(b => b.entityRefs));
  return (
    <>
      <Typography variant="h6" component="h2">
        Deploy stages
      </Typography>
      <Hint paragraph>
        The estate&apos;s deploy order, for the deployables in view: providers
        first; the members of a stage may deploy in parallel.
      </Hint>
      {order.stages.length === 0 ? (
        <Typography variant="body2">No deployables in view.</Typography>
      ) : (
        <TableContainer className={classes.container}>
          <Table size="small" stickyHeader aria-label="Deploy stages">
            <TableHead>
              <TableRow>
                <TableCell>Stage</TableCell>
                <TableCell>Entities</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {order.stages.map(stage => (
                <TableRow key={stage.index}>
                  <TableCell>{stage.index + 1}</TableCell>
                  <TableCell>
                    {stage.entityRefs.slice(0, MAX_LISTED).map(ref => (
                      <button
                        type="button"
                        key={ref}
                        className={`${classes.entity} ${
                          cycleMembers.has(ref) ? classes.blocked : ''
                        }`}
                        onClick={() => onSelect(ref)}
                      >
                        {titleOf(ref)}
                      </button>
                    ))}
                    {stage.entityRefs.length > MAX_LISTED && (
                      <Typography variant="caption">
                        and {stage.entityRefs.length - MAX_LISTED} more
                      </Typography>
                    )}
                    {stage.blockers.map(b => (
                      <Typography
                        key={b}
                        variant="caption"
                        display="block"
                        className={classes.blocked}
                      >
                        Blocked by a cycle:{' '}
                        {order.blockers[b].entityRefs.map(titleOf).join(' ⇄ ')}
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
