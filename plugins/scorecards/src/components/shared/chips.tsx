import { makeStyles, Tooltip } from '@material-ui/core';
import { GateDecision } from '@waybill/plugin-scorecards-common';

const useStyles = makeStyles(theme => ({
  A: { backgroundColor: theme.palette.success.main, color: '#fff' },
  B: { backgroundColor: theme.palette.success.light, color: '#000' },
  C: { backgroundColor: theme.palette.warning.light, color: '#000' },
  D: { backgroundColor: theme.palette.warning.main, color: '#000' },
  F: { backgroundColor: theme.palette.error.main, color: '#fff' },
  pass: { backgroundColor: theme.palette.success.main, color: '#fff' },
  warn: { backgroundColor: theme.palette.warning.main, color: '#000' },
  fail: { backgroundColor: theme.palette.error.main, color: '#fff' },
  // A plain badge rather than Material UI's Chip: tables render several per row.
  chip: {
    display: 'inline-block',
    padding: '2px 8px',
    borderRadius: 12,
    fontSize: theme.typography.pxToRem(12),
    lineHeight: 1.5,
    whiteSpace: 'nowrap',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  medium: { padding: '4px 12px', fontSize: theme.typography.pxToRem(14) },
}));

/** A release's letter grade, coloured from A (green) to F (red). */
export function GradeChip(props: { grade: string; size?: 'small' | 'medium' }) {
  const classes = useStyles();
  const grade = props.grade as 'A' | 'B' | 'C' | 'D' | 'F';
  return (
    <span
      aria-label={`grade ${props.grade}`}
      className={`${classes.chip} ${classes[grade] ?? ''} ${
        props.size === 'medium' ? classes.medium : ''
      }`}
    >
      {props.grade}
    </span>
  );
}

/** One environment's gate decision; an overridden gate says so and shows the policy's own decision. */
export function GateChip(props: {
  environment: string;
  decision: GateDecision;
  policyDecision?: GateDecision;
}) {
  const classes = useStyles();
  const overridden =
    props.policyDecision !== undefined &&
    props.policyDecision !== props.decision;
  const label = `${props.environment}: ${props.decision}${
    overridden ? ' (overridden)' : ''
  }`;
  const chip = (
    <span className={`${classes.chip} ${classes[props.decision]}`}>
      {label}
    </span>
  );
  return overridden ? (
    <Tooltip title={`The policy says ${props.policyDecision}`}>{chip}</Tooltip>
  ) : (
    chip
  );
}
