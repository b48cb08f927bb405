import { Tooltip } from '@material-ui/core';
import { Theme, useTheme } from '@material-ui/core/styles';
import {
  GateDecision,
  releaseVerdict,
} from '@waybill/plugin-scorecards-common';
import { Badge, readable } from '@waybill/plugin-waybill-react';

type Colours = { background: string; colour: string };

/**
 * Grades from A (green) to F (red), and gate decisions, in the theme's colours; under white
 * text, darkened to keep WCAG AA's 4.5:1 (`readable`).
 */
function colours(theme: Theme, value: string): Colours {
  const { success, warning, error } = theme.palette;
  const table: Record<string, Colours> = {
    A: { background: readable(theme, success.main), colour: '#fff' },
    B: { background: success.light, colour: '#000' },
    C: { background: warning.light, colour: '#000' },
    D: { background: warning.main, colour: '#000' },
    F: { background: readable(theme, error.main), colour: '#fff' },
    pass: { background: readable(theme, success.main), colour: '#fff' },
    warn: { background: warning.main, colour: '#000' },
    fail: { background: readable(theme, error.main), colour: '#fff' },
  };
  // Anything else goes uncoloured.
  return table[value] ?? { background: 'transparent', colour: 'inherit' };
}

/** A release's letter grade, coloured from A (green) to F (red). */
export function GradeChip(props: { grade: string; size?: 'small' | 'medium' }) {
  const theme = useTheme();
  const { background, colour } = colours(theme, props.grade);
  return (
    <Badge
      aria-label={`grade ${props.grade}`}
      background={background}
      colour={colour}
      size={props.size}
    >
      {props.grade}
    </Badge>
  );
}

/** One environment's gate decision; an overridden gate says so and shows the policy's own decision. */
export function GateChip(props: {
  environment: string;
  decision: GateDecision;
  policyDecision?: GateDecision;
}) {
  const theme = useTheme();
  const overridden =
    props.policyDecision !== undefined &&
    props.policyDecision !== props.decision;
  const label = `${props.environment}: ${props.decision}${
    overridden ? ' (overridden)' : ''
  }`;
  const { background, colour } = colours(theme, props.decision);
  const chip = (
    <Badge background={background} colour={colour}>
      {label}
    </Badge>
  );
  return overridden ? (
    <Tooltip title={`The policy says ${props.policyDecision}`}>{chip}</Tooltip>
  ) : (
    chip
  );
}

/** Each verdict's colour: a blocked release is red whatever its grade. */
const VERDICT_COLOURS = {
  blocked: 'fail',
  warns: 'warn',
  clear: 'pass',
  unevaluated: 'none',
} as const;

/**
 * What the release's gates say together, to sit beside its grade: "Blocked for production" in
 * red, "Warns for staging" in amber, "Passes every gate" in green.
 */
export function VerdictChip(props: {
  gates: ReadonlyArray<{ environment: string; decision: GateDecision }>;
  size?: 'small' | 'medium';
}) {
  const theme = useTheme();
  const verdict = releaseVerdict(props.gates);
  const { background, colour } = colours(theme, VERDICT_COLOURS[verdict.state]);
  return (
    <Badge
      aria-label={`gates: ${verdict.text}`}
      background={background}
      colour={colour}
      size={props.size}
    >
      {verdict.text}
    </Badge>
  );
}
