import { Box, Button, Paper, Typography, makeStyles } from '@material-ui/core';
import type { SubgraphNode } from '@waybill/plugin-dependency-map-common';
import { EntityRefLink } from '../shared/EntityRefLink';
import { describeNode } from '../shared/refs';

const useStyles = makeStyles(theme => ({
  panel: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
}));

/** The selected node: what it is, and links to focus on it or open it in the catalog. */
export function SelectedNodePanel(props: {
  node: SubgraphNode;
  onFocus(ref: string): void;
}) {
  const classes = useStyles();
  const { node } = props;
  return (
    <Paper className={classes.panel} style={{ marginTop: 16 }}>
      <Typography variant="h6" component="h2">
        {describeNode(node)}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {node.ref}
        {node.owner ? ` · owner ${node.owner}` : ''}
        {node.businessProcesses.length > 0
          ? ` · ${node.businessProcesses.join(', ')}`
          : ''}
      </Typography>
      <Box display="flex" style={{ gap: 8 }}>
        <Button
          size="small"
          variant="contained"
          color="primary"
          onClick={() => props.onFocus(node.ref)}
        >
          Focus here
        </Button>
        <Button size="small" variant="outlined">
          <EntityRefLink entityRef={node.ref}>Open in catalog</EntityRefLink>
        </Button>
        {node.kind === 'component' && (
          <Button size="small" variant="outlined">
            <EntityRefLink entityRef={node.ref} tab="dependencies">
              Blast radius
            </EntityRefLink>
          </Button>
        )}
      </Box>
    </Paper>
  );
}
