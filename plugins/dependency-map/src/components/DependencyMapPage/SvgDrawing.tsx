import { makeStyles } from '@material-ui/core';
import type { SubgraphNode } from '@waybill/plugin-dependency-map-common';
import { RefObject } from 'react';
import type { GraphLayout, PositionedNode } from '../../layout/layout';
import type { DrawnEdge } from './GraphView';
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
export function SvgDrawing(props: {
  layout: GraphLayout;
  nodes: Map<string, SubgraphNode>;
  edges: DrawnEdge[];
  positioned: Map<string, PositionedNode>;
  /** The group the pan and zoom transform is set on. */
  groupRef: RefObject<SVGGElement>;
  focusRef?: string;
  selectedRef?: string;
  matches?: Set<string>;
  cycleMembers?: Set<string>;
  hiddenTenants?: Map<string, number>;
  onSelect(ref: string): void;
}) {
  const classes = useStyles();
  const { layout, nodes } = props;
  return (
    <svg
      width="100%"
      height="100%"
      role="group"
      aria-label={`Dependency graph of ${layout.nodes.length} entities`}
    >
      <SvgMarkers />
      <g ref={props.groupRef}>
        <SvgGraph
          layout={layout}
          nodes={nodes}
          edges={props.edges}
          positioned={props.positioned}
          classes={classes}
        />
        <SvgNodes
          layout={layout}
          nodes={nodes}
          focusRef={props.focusRef}
          selectedRef={props.selectedRef}
          matches={props.matches}
          cycleMembers={props.cycleMembers}
          hiddenTenants={props.hiddenTenants}
          onSelect={props.onSelect}
          nodeClass={classes.node}
        />
      </g>
    </svg>
  );
}
