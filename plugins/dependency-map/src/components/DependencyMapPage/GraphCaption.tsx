import type { GraphLayoutState } from '../../layout/useGraphLayout';
import { countOf } from '../shared/nodeClasses';
import type { HiddenNodes } from './hiddenNodes';
import { Hint } from '../shared/Hint';

/** What the view leaves out, in words: `44 tenants and 8 data stores are hidden`. */
export function hiddenText(hidden: HiddenNodes | undefined): string {
  const parts = [
    ...(hidden?.tenants ? [countOf(hidden.tenants, 'tenant', 'tenants')] : []),
    ...(hidden?.dataStores
      ? [countOf(hidden.dataStores, 'data store', 'data stores')]
      : []),
  ];
  if (parts.length === 0) return '';
  const total = (hidden?.tenants ?? 0) + (hidden?.dataStores ?? 0);
  return `${parts.join(' and ')} ${
    total === 1 ? 'is' : 'are'
  } hidden: show them with the switches above.`;
}

/**
 * How big the view is, what it leaves out and how to read it. How long the layout took is a
 * tooltip (for whoever tunes it), not part of the text.
 */
export function GraphCaption(props: {
  nodeCount: number;
  edgeCount: number;
  hidden?: HiddenNodes;
  layout: GraphLayoutState;
}) {
  const { layout } = props;
  const timing =
    layout.layout && layout.durationMs !== undefined
      ? `Laid out in ${Math.round(layout.durationMs)} ms ${
          layout.ranIn === 'worker' ? 'in a Web Worker' : 'on the main thread'
        }.`
      : undefined;
  const hidden = hiddenText(props.hidden);
  return (
    <Hint gutterBottom title={timing} data-testid="graph-caption">
      {props.nodeCount} entities, {props.edgeCount} edges. Providers on the
      left, consumers on the right: read left to right in deploy order.
      {hidden ? ` ${hidden}` : ''}
    </Hint>
  );
}
