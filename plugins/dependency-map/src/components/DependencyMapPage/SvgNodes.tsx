import type { SubgraphNode } from '@waybill/plugin-dependency-map-common';
import { memo } from 'react';
import type { GraphLayout } from '../../layout/layout';
import { colourOfType } from '../shared/colours';
import { describeNode } from '../shared/refs';
import { outlineOf, truncate } from './graphDrawing';

/** The nodes, outlined when selected, focused, matched or in a cycle. */
export const SvgNodes = memo(function SvgNodesImpl(props: {
  layout: GraphLayout;
  nodes: Map<string, SubgraphNode>;
  focusRef?: string;
  selectedRef?: string;
  matches?: Set<string>;
  cycleMembers?: Set<string>;
  onSelect(ref: string): void;
  nodeClass: string;
}) {
  const {
    layout,
    nodes,
    focusRef,
    selectedRef,
    matches,
    cycleMembers,
    onSelect,
    nodeClass,
  } = props;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;
  return (
    <>
      {layout.nodes.map(node => {
        const data = nodes.get(node.id);
        const title = data?.title ?? node.id;
        const emphasised = node.id === selectedRef || node.id === focusRef;
        const inCycle = cycleMembers ? cycleMembers.has(node.id) : node.inCycle;
        const stroke =
          outlineOf(emphasised, Boolean(matches?.has(node.id)), inCycle) ??
          'none';
        return (
          <g
            key={node.id}
            transform={`translate(${node.x},${node.y})`}
            className={nodeClass}
            role="button"
            tabIndex={0}
            aria-label={data ? describeNode(data) : node.id}
            aria-pressed={node.id === selectedRef}
            data-ref={node.id}
            data-in-cycle={inCycle ? 'true' : undefined}
            onClick={() => onSelect(node.id)}
            onKeyDown={event => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(node.id);
              }
            }}
          >
            <rect
              width={w}
              height={h}
              rx={4}
              fill={colourOfType(data?.type ?? data?.kind)}
              stroke={stroke}
              strokeWidth={stroke === 'none' ? 0 : 2.5 + (emphasised ? 0.5 : 0)}
              opacity={data?.missing ? 0.5 : 1}
            />
            <text x={8} y={h / 2 + 4} fill="#fff" fontSize={12}>
              {truncate(title, 24)}
            </text>
            <title>{`${title} · ${data?.kind ?? ''}${
              data?.type ? ` · ${data.type}` : ''
            } · ${node.id}`}</title>
          </g>
        );
      })}
    </>
  );
});
