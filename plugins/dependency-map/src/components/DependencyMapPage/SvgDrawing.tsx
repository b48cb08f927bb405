import { makeStyles } from '@material-ui/core';
import { RefObject } from 'react';
import type { GraphScene } from './graphScene';
import { SvgGraph, SvgMarkers } from './SvgGraph';
import { SvgNodes } from './SvgNodes';

const useStyles = makeStyles(theme => ({
  node: {
    cursor: 'pointer',
    '&:focus': { outline: 'none' },
    '&:focus > rect': { strokeWidth: 3 },
  },
  laneTitle: {
    fill: theme.palette.text.secondary,
    fontSize: 13,
    fontWeight: 600,
  },
}));

/** The graph as SVG elements: lanes, edges and focusable nodes in one pannable group. */
export function SvgDrawing(
  props: GraphScene & {
    /** The group the pan and zoom transform is set on. */
    groupRef: RefObject<SVGGElement>;
    onSelect(ref: string): void;
  },
) {
  const classes = useStyles();
  const { edges, positioned, groupRef, ...marked } = props;
  const { layout, nodes } = props;
  return (
    <svg
      width="100%"
      height="100%"
      role="group"
      aria-label={`Dependency graph of ${layout.nodes.length} entities`}
    >
      <SvgMarkers />
      <g ref={groupRef}>
        <SvgGraph
          layout={layout}
          nodes={nodes}
          edges={edges}
          positioned={positioned}
          classes={classes}
        />
        <SvgNodes {...marked} nodeClass={classes.node} />
      </g>
    </svg>
  );
}
