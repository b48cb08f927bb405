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

/** `1 waiver`, `2 waivers`. */
const waiverCount = (n: number) => `${n} waiver${n === 1 ? '' : 's'}`;

/**
 * One environment's gate decision; an overridden gate says so, a gate that active waivers leave
 * checks out of says how many, and either shows the policy's own decision. Without `overridden`
 * (where only the decisions are known), a decision other than the policy's reads as overridden.
 */
export function GateChip(props: {
  environment: string;
  decision: GateDecision;
  policyDecision?: GateDecision;
  /** An active override passes the gate. */
  overridden?: boolean;
  /** How many active waivers leave a check out of the gate. */
  waivers?: number;
}) {
  const theme = useTheme();
  const waivers = props.waivers ?? 0;
  const overridden =
    props.overridden ??
    (props.policyDecision !== undefined &&
      props.policyDecision !== props.decision);
  let adjustment = '';
  if (overridden) adjustment = ' (overridden)';
  else if (waivers > 0) adjustment = ` (${waiverCount(waivers)})`;
  const label = `${props.environment}: ${props.decision}${adjustment}`;
  const { background, colour } = colours(theme, props.decision);
  const chip = (
    <Badge background={background} colour={colour}>
      {label}
    </Badge>
  );
  return adjustment && props.policyDecision !== undefined ? (
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
 * red, "Warns for staging" in amber, "Passes every gate" in green; a release that passes or only
 * warns because active waivers leave checks out says "with waivers".
 */
export function VerdictChip(props: {
  gates: ReadonlyArray<{
    environment: string;
    decision: GateDecision;
    waivers?: readonly unknown[];
  }>;
  size?: 'small' | 'medium';
}) {
  const theme = useTheme();
  const verdict = releaseVerdict(props.gates);
  const waived =
    (verdict.state === 'clear' || verdict.state === 'warns') &&
    props.gates.some(gate => (gate.waivers?.length ?? 0) > 0);
  const text = waived ? `${verdict.text} with waivers` : verdict.text;
  const { background, colour } = colours(theme, VERDICT_COLOURS[verdict.state]);
  return (
    <Badge
      aria-label={`gates: ${text}`}
      background={background}
      colour={colour}
      size={props.size}
    >
      {text}
    </Badge>
  );
}
