import { memo } from 'react';
import { colourOfType } from '../shared/colours';
import { describeNode } from '../shared/refs';
import { BADGE_WIDTH, nodeLabel, outlineOf, tenantBadge } from './graphDrawing';
import type { GraphContent, GraphMarks } from './graphScene';

/**
 * The badge inside a node's right end summing up the tenants it serves that are hidden. Screen
 * readers hear it at the end of the node's name; the badge itself is hidden from them, so the
 * visible label (the title) still starts the name (WCAG 2.5.3, label in name).
 */
function TenantBadge(props: { text: string; w: number; h: number }) {
  const { text, w, h } = props;
  return (
    <g data-testid="tenant-badge" aria-hidden="true">
      <rect
        x={w - BADGE_WIDTH - 4}
        y={5}
        width={BADGE_WIDTH}
        height={h - 10}
        rx={(h - 10) / 2}
        fill="#fff"
        opacity={0.9}
      />
      <text
        x={w - 4 - BADGE_WIDTH / 2}
        y={h / 2 + 3.5}
        textAnchor="middle"
        fill="#263238"
        fontSize={10}
      >
        {text}
      </text>
    </g>
  );
}

/**
 * A node's accessible name: `Title (type)`, or, when the drawn label is cut short, that label
 * first and the whole title after it (`Sales Order Ma… (Sales Order Management, erp-module)`),
 * so the words a speech user sees start the name (WCAG 2.5.3); then the badge's words, as drawn
 * (`Inventory (erp-module) 44 tenants (served, hidden from view)`).
 */
function nodeName(
  data: Parameters<typeof describeNode>[0],
  label: string,
  badge: string | undefined,
): string {
  const name =
    label === data.title
      ? describeNode(data)
      : `${label} (${data.title}, ${data.type ?? data.kind})`;
  return badge ? `${name} ${badge} (served, hidden from view)` : name;
}

/** The nodes, outlined when selected, focused, matched or in a cycle. */
export const SvgNodes = memo(function SvgNodesImpl(
  props: Pick<GraphContent, 'layout' | 'nodes'> &
    GraphMarks & {
      onSelect(ref: string): void;
      nodeClass: string;
    },
) {
  const {
    layout,
    nodes,
    focusRef,
    selectedRef,
    matches,
    cycleMembers,
    hiddenTenants,
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
        const badge = tenantBadge(hiddenTenants?.get(node.id));
        const label = nodeLabel(title, Boolean(badge));
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
            aria-label={nodeName(
              data ?? { title, kind: node.id },
              label,
              badge,
            )}
            aria-pressed={node.id === selectedRef}
            data-ref={node.id}
            data-in-cycle={inCycle ? 'true' : undefined}
            data-hidden-tenants={hiddenTenants?.get(node.id)}
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
              {label}
            </text>
            {badge && <TenantBadge text={badge} w={w} h={h} />}
            <title>{`${title} · ${data?.kind ?? ''}${
              data?.type ? ` · ${data.type}` : ''
            } · ${node.id}${
              badge ? ` · serves ${badge} (hidden)` : ''
            }`}</title>
          </g>
        );
      })}
    </>
  );
});
