import { Typography } from '@material-ui/core';
import type { GraphLayoutState } from '../../layout/useGraphLayout';

/** How big the view is, how to read it, and how long its layout took. */
export function GraphCaption(props: {
  nodeCount: number;
  edgeCount: number;
  layout: GraphLayoutState;
}) {
  const { layout } = props;
  return (
    <Typography variant="body2" color="textSecondary" gutterBottom>
      {props.nodeCount} entities, {props.edgeCount} edges. Providers on the
      left, consumers on the right: read left to right in deploy order.
      {layout.layout && layout.durationMs !== undefined
        ? ` Laid out in ${Math.round(layout.durationMs)} ms ${
            layout.ranIn === 'worker' ? 'in a Web Worker' : 'on the main thread'
          }.`
        : ''}
    </Typography>
  );
}
