import { IconButton, Tooltip, makeStyles } from '@material-ui/core';
import ZoomIn from '@material-ui/icons/ZoomIn';
import ZoomOut from '@material-ui/icons/ZoomOut';
import ZoomOutMap from '@material-ui/icons/ZoomOutMap';

const useStyles = makeStyles(theme => ({
  controls: {
    position: 'absolute',
    top: theme.spacing(1),
    right: theme.spacing(1),
    display: 'flex',
    flexDirection: 'column',
    background: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
    boxShadow: theme.shadows[2],
    zIndex: 1,
  },
}));

/** Zoom in, zoom out and fit to view, over the graph's top right corner. */
export function ZoomControls(props: {
  zoomBy(factor: number): void;
  fit(): void;
}) {
  const classes = useStyles();
  return (
    <div className={classes.controls}>
      <Tooltip title="Zoom in">
        <IconButton
          size="small"
          aria-label="Zoom in"
          onClick={() => props.zoomBy(1.25)}
        >
          <ZoomIn fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title="Zoom out">
        <IconButton
          size="small"
          aria-label="Zoom out"
          onClick={() => props.zoomBy(0.8)}
        >
          <ZoomOut fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title="Fit to view">
        <IconButton size="small" aria-label="Fit to view" onClick={props.fit}>
          <ZoomOutMap fontSize="small" />
        </IconButton>
      </Tooltip>
    </div>
  );
}
