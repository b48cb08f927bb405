import type { SubgraphNode } from '@waybill/plugin-dependency-map-common';
import { memo } from 'react';
import type { GraphLayout, PositionedNode } from '../../layout/layout';
import { CYCLE_COLOUR, EDGE_COLOUR } from '../shared/colours';
import { dashOf, edgePath } from './graphDrawing';
import type { DrawnEdge } from './graphScene';

/** Lanes and edges: they change only with the layout. */
export const SvgGraph = memo(function SvgGraphImpl(props: {
  layout: GraphLayout;
  nodes: Map<string, SubgraphNode>;
  edges: DrawnEdge[];
  positioned: Map<string, PositionedNode>;
  classes: { laneTitle: string };
}) {
  const { layout, nodes, edges, positioned, classes } = props;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  return (
    <>
      {layout.lanes.map((lane, i) => (
        <g key={lane.id || '(none)'} aria-label={`Lane: ${lane.title}`}>
          <rect
            x={0}
            y={lane.y}
            width={layout.width}
            height={lane.height}
            fill={i % 2 === 0 ? 'rgba(0,0,0,0.035)' : 'transparent'}
          />
          <text x={8} y={lane.y + 20} className={classes.laneTitle}>
            {lane.title} ({lane.nodeCount})
          </text>
        </g>
      ))}
      {edges.map(edge => {
        const consumer = positioned.get(edge.source);
        const provider = positioned.get(edge.target);
        if (!consumer || !provider) return null;
        const label = edge.inCycle
          ? `Cycle edge: ${nodes.get(edge.source)?.title} ${edge.type} ${
              nodes.get(edge.target)?.title
            }`
          : undefined;
        return (
          <path
            key={`${edge.source} ${edge.type} ${edge.target}`}
            d={edgePath(provider, consumer, w, h)}
            fill="none"
            stroke={edge.inCycle ? CYCLE_COLOUR : EDGE_COLOUR}
            strokeWidth={edge.inCycle ? 2.5 : 1.2}
            strokeDasharray={dashOf(edge.type)}
            markerEnd={
              edge.inCycle
                ? 'url(#dependency-map-arrow-cycle)'
                : 'url(#dependency-map-arrow)'
            }
            data-cycle={edge.inCycle ? 'true' : undefined}
            aria-label={label}
            role={label ? 'img' : undefined}
          >
            <title>{`${edge.source} ${edge.type} ${edge.target}`}</title>
          </path>
        );
      })}
    </>
  );
});

/** An arrow head of `colour` for edges' `marker-end`. */
function ArrowMarker(props: { id: string; colour: string }) {
  return (
    <marker
      id={props.id}
      viewBox="0 0 10 10"
      refX="10"
      refY="5"
      markerWidth="6"
      markerHeight="6"
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" fill={props.colour} />
    </marker>
  );
}

/** The arrow heads of edges: plain, and red for cycle edges. */
export function SvgMarkers() {
  return (
    <defs>
      <ArrowMarker id="dependency-map-arrow" colour={EDGE_COLOUR} />
      <ArrowMarker id="dependency-map-arrow-cycle" colour={CYCLE_COLOUR} />
    </defs>
  );
}
