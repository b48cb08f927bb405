import { Box, Typography } from '@material-ui/core';
import { ScorecardEvaluation } from '@waybill/plugin-scorecards-common';
import { ReactNode } from 'react';
import { GradeChip } from './chips';

/**
 * A release's score, large, and its grade chip, followed by `children` in secondary text (the
 * tier and the like); `mb` is the space below, in theme spacing units.
 */
export function ScoreLine(props: {
  evaluation: ScorecardEvaluation;
  mb: number;
  children: ReactNode;
}) {
  const { evaluation } = props;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 12 }} mb={props.mb}>
      <Typography variant="h4" component="span" aria-label="score">
        {evaluation.score}
      </Typography>
      <GradeChip grade={evaluation.grade} size="medium" />
      <Typography variant="body2" color="textSecondary">
        {props.children}
      </Typography>
    </Box>
  );
}
