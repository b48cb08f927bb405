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

/** One of the zoom buttons: an icon button, labelled and with its label as tooltip. */
function ZoomButton(props: {
  label: string;
  icon: typeof ZoomIn;
  onClick: () => void;
}) {
  const { label, icon: Icon, onClick } = props;
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        <Icon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}

/** Zoom in, zoom out and fit to view, over the graph's top right corner. */
export function ZoomControls(props: {
  zoomBy(factor: number): void;
  fit(): void;
}) {
  const classes = useStyles();
  return (
    <div className={classes.controls}>
      <ZoomButton
        label="Zoom in"
        icon={ZoomIn}
        onClick={() => props.zoomBy(1.25)}
      />
      <ZoomButton
        label="Zoom out"
        icon={ZoomOut}
        onClick={() => props.zoomBy(0.8)}
      />
      <ZoomButton label="Fit to view" icon={ZoomOutMap} onClick={props.fit} />
    </div>
  );
}
