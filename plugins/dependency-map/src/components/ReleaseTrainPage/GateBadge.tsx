import { Link } from '@backstage/core-components';
import type { PlannedChange } from '@waybill/plugin-dependency-map-common';
import { entityTabLink } from '@waybill/plugin-waybill-common';
import { Badge } from '@waybill/plugin-waybill-react';
import { useEntityPath } from '../shared/entityLinks';
import { GateReading, gateText } from './trainGates';

/**
 * Each reading's colours, fixed so that the text keeps WCAG AA's 4.5:1 in light and dark themes
 * alike; the text says the decision, so the colour is never the only sign.
 */
const COLOURS: Record<GateReading['status'], [string, string]> = {
  pass: ['#1b5e20', '#ffffff'],
  warn: ['#ffc107', '#000000'],
  fail: ['#b71c1c', '#ffffff'],
  'no-evidence': ['#e0e0e0', '#000000'],
  unavailable: ['#e0e0e0', '#000000'],
};

/**
 * A release's gate for the environment, and the link to its scorecard (the scorecards plugin's tab
 * below its entity page, `ENTITY_TABS` of waybill-common, opened on the version).
 */
export function GateBadge(props: {
  change: PlannedChange;
  environment: string;
  reading?: GateReading;
}) {
  const { change, environment, reading } = props;
  const entityPath = useEntityPath();
  if (!reading) {
    return <span>(reading the {environment} gate…)</span>;
  }
  const [background, colour] = COLOURS[reading.status];
  return (
    <>
      <Badge
        background={background}
        colour={colour}
        aria-label={`${change.title} ${change.version} gate: ${gateText(
          reading,
          environment,
        )}`}
        title={reading.status === 'unavailable' ? reading.message : undefined}
      >
        {gateText(reading, environment)}
      </Badge>{' '}
      <Link
        to={entityTabLink(
          entityPath(change.entityRef),
          'scorecards',
          change.version,
        )}
        underline="always"
        aria-label={`Scorecard of ${change.title} ${change.version}`}
      >
        Scorecard
      </Link>
    </>
  );
}
