import { InfoCard } from '@backstage/core-components';
import {
  Box,
  ButtonBase,
  Typography,
  makeStyles,
  useTheme,
} from '@material-ui/core';
import {
  GRADES,
  GateDecision,
  Grade,
  PortfolioFilter,
  PortfolioSummary,
} from '@waybill/plugin-scorecards-common';
import { memo } from 'react';
import { formatCount } from '../shared/format';

const DECISIONS: GateDecision[] = ['pass', 'warn', 'fail'];

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: '6rem 1fr 5rem',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  track: {
    height: 18,
    background: theme.palette.action.hover,
    borderRadius: 3,
    display: 'flex',
    overflow: 'hidden',
  },
  bar: { height: '100%', minWidth: 0 },
  count: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  legend: {
    display: 'flex',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: 4,
    borderRadius: 2,
  },
}));

/** The charts' classes, and their colours of each grade and gate decision from the theme. */
function useChartStyles() {
  const classes = useStyles();
  const theme = useTheme();
  const grade: Record<Grade, string> = {
    A: theme.palette.success.main,
    B: theme.palette.success.light,
    C: theme.palette.warning.light,
    D: theme.palette.warning.main,
    F: theme.palette.error.main,
  };
  const decision: Record<GateDecision, string> = {
    pass: theme.palette.success.main,
    warn: theme.palette.warning.main,
    fail: theme.palette.error.main,
  };
  return { classes, colours: { grade, decision } };
}

/** A summary chart's props: the summary, and where a click on a bar sends its filter. */
interface SummaryChartProps {
  summary: PortfolioSummary;
  onFilter: (patch: Partial<PortfolioFilter>) => void;
}

const share = (n: number, total: number) =>
  total === 0 ? 0 : Math.round((n / total) * 1000) / 10;

/** How many services have each grade; a bar filters the portfolio to that grade. */
export const GradeDistributionChart = memo(
  function GradeDistributionChartContent(props: SummaryChartProps) {
    const { classes, colours } = useChartStyles();
    const { summary } = props;
    return (
      <InfoCard
        title="Grade distribution"
        subheader="Latest release per service"
      >
        {GRADES.map(grade => {
          const n = summary.grades[grade];
          const pct = share(n, summary.totalCount);
          return (
            <ButtonBase
              key={grade}
              className={classes.row}
              style={{ width: '100%' }}
              onClick={() => props.onFilter({ grade })}
            >
              <Typography variant="body2">Grade {grade}</Typography>
              <Box className={classes.track}>
                <Box
                  className={classes.bar}
                  style={{ width: `${pct}%`, background: colours.grade[grade] }}
                />
              </Box>
              <Typography variant="body2" className={classes.count}>
                {formatCount(n)}
                {/* The button's name reads on from what it shows. */}
                <span className={classes.visuallyHidden}>
                  {` services (${pct}%), show them`}
                </span>
              </Typography>
            </ButtonBase>
          );
        })}
      </InfoCard>
    );
  },
);

/** Per environment, how many services' latest release passes, warns or fails the gate. */
export const GateSummaryChart = memo(function GateSummaryChartContent(
  props: SummaryChartProps,
) {
  const { classes, colours } = useChartStyles();
  const { summary } = props;
  return (
    <InfoCard
      title="Gate state"
      subheader="Policy decision per environment, before overrides"
    >
      {Object.entries(summary.gates).map(([environment, counts]) => (
        <Box key={environment} className={classes.row}>
          <Typography variant="body2">{environment}</Typography>
          <Box className={classes.track}>
            {DECISIONS.map(decision => {
              const n = counts[decision];
              const pct = share(n, summary.totalCount);
              return (
                <ButtonBase
                  key={decision}
                  className={classes.bar}
                  style={{
                    width: `${pct}%`,
                    background: colours.decision[decision],
                  }}
                  onClick={() =>
                    props.onFilter({ gate: { environment, decision } })
                  }
                  aria-label={`${environment} ${decision}: ${n} services (${pct}%), show them`}
                />
              );
            })}
          </Box>
          <Typography variant="body2" className={classes.count}>
            {formatCount(counts.fail)} fail
          </Typography>
        </Box>
      ))}
      <Box className={classes.legend}>
        {DECISIONS.map(d => (
          <Typography variant="caption" key={d}>
            <span
              className={classes.swatch}
              style={{ background: colours.decision[d] }}
            />
            {d}
          </Typography>
        ))}
      </Box>
    </InfoCard>
  );
});
