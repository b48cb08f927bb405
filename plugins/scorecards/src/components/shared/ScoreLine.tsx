import { Box, Typography } from '@material-ui/core';
import {
  EffectiveGate,
  ScorecardEvaluation,
} from '@waybill/plugin-scorecards-common';
import { ReactNode } from 'react';
import { GradeChip, VerdictChip } from './chips';

/**
 * A release's score, large, its grade and, beside it, what its gates say together (after
 * overrides), followed by `children` in secondary text (the tier and the like); `mb` is the space
 * below, in theme spacing units.
 */
export function ScoreLine(props: {
  evaluation: ScorecardEvaluation;
  gates: EffectiveGate[];
  mb: number;
  children: ReactNode;
}) {
  const { evaluation } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={props.mb}
    >
      <Typography variant="h4" component="span" aria-label="score">
        {evaluation.score}
      </Typography>
      <GradeChip grade={evaluation.grade} size="medium" />
      <VerdictChip gates={props.gates} size="medium" />
      <Typography variant="body2" color="textSecondary">
        {props.children}
      </Typography>
    </Box>
  );
}
