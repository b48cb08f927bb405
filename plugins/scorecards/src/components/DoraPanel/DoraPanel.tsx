import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  Typography,
  makeStyles,
} from '@material-ui/core';
import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowUpward from '@material-ui/icons/ArrowUpward';
import {
  DoraFigures,
  PortfolioFilter,
} from '@waybill/plugin-scorecards-common';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api';
import {
  Trend,
  formatCount,
  formatHours,
  formatPercent,
  trendOf,
} from '../shared/format';
import { readable } from '@waybill/plugin-waybill-react';

/** The windows the panel offers, in days. */
export const DORA_WINDOWS = [7, 30, 90, 180] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  figure: { fontSize: '1.6rem', fontWeight: 600 },
  improved: { color: readable(theme, theme.palette.success.main) },
  regressed: { color: readable(theme, theme.palette.error.main) },
  neutral: { color: theme.palette.text.secondary },
  trend: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
}));

interface FigureSpec {
  title: string;
  value: (f: DoraFigures) => number | null;
  format: (value: number | null) => string;
  better: 'higher' | 'lower';
  detail: (f: DoraFigures) => string;
  band?: (f: DoraFigures) => string;
}

const FIGURES: FigureSpec[] = [
  {
    title: 'Deployment frequency',
    value: f => f.deploymentFrequency.perWeek,
    format: v => (v === null ? '—' : `${Math.round(v * 10) / 10} / week`),
    better: 'higher',
    detail: f =>
      `${formatCount(
        f.deploymentFrequency.deployments,
      )} production deployments`,
    band: f => f.deploymentFrequency.band,
  },
  {
    title: 'Lead time for changes',
    value: f => f.leadTimeForChanges.medianHours,
    format: formatHours,
    better: 'lower',
    detail: f =>
      `median over ${formatCount(f.leadTimeForChanges.changes)} changes`,
  },
  {
    title: 'Change failure rate',
    value: f => f.changeFailureRate.rate,
    format: formatPercent,
    better: 'lower',
    detail: f =>
      `${f.changeFailureRate.failedDeployments} of ${f.changeFailureRate.deployments} deployments failed`,
  },
  {
    title: 'Failed deployment recovery time',
    value: f => f.failedDeploymentRecoveryTime.medianHours,
    format: formatHours,
    better: 'lower',
    detail: f =>
      `${f.failedDeploymentRecoveryTime.recoveries} recovered, ${f.failedDeploymentRecoveryTime.unrecovered} still open`,
  },
];

function TrendLine(props: { trend: Trend; previous: string }) {
  const classes = useStyles();
  const { direction, improved } = props.trend;
  let className = classes.neutral;
  if (improved === true) className = classes.improved;
  if (improved === false) className = classes.regressed;
  let icon: ReactNode = null;
  if (direction === 'up') icon = <ArrowUpward fontSize="small" />;
  if (direction === 'down') icon = <ArrowDownward fontSize="small" />;
  let words = 'no change';
  if (direction === 'none') words = 'nothing to compare';
  if (improved === true) words = 'better';
  if (improved === false) words = 'worse';
  return (
    <Typography variant="body2" className={`${classes.trend} ${className}`}>
      {icon}
      {words} than the previous window ({props.previous})
    </Typography>
  );
}

/** One DORA figure in the current window, with its band and how it moved since the one before. */
function DoraFigure(props: {
  spec: FigureSpec;
  current: DoraFigures;
  previous: DoraFigures;
}) {
  const { spec } = props;
  const classes = useStyles();
  const current = spec.value(props.current);
  const previous = spec.value(props.previous);
  return (
    <Box role="group" aria-label={spec.title}>
      <Typography variant="overline">{spec.title}</Typography>
      <Typography className={classes.figure}>{spec.format(current)}</Typography>
      {spec.band && (
        <Typography variant="body2">
          {spec.band(props.current)} performer
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        {spec.detail(props.current)}
      </Typography>
      <TrendLine
        trend={trendOf(current, previous, spec.better)}
        previous={spec.format(previous)}
      />
    </Box>
  );
}

/** The choice of window, in days. */
function DoraWindowSelect(props: {
  days: number;
  onChange: (days: number) => void;
}) {
  return (
    <FormControl variant="outlined" size="small">
      <InputLabel id="dora-window-label">Window</InputLabel>
      <Select
        labelId="dora-window-label"
        // Its name is the label and the value shown ("Window last 90 days"), as for the filters.
        SelectDisplayProps={{ id: 'dora-window' }}
        label="Window"
        value={props.days}
        onChange={e => props.onChange(Number(e.target.value))}
      >
        {DORA_WINDOWS.map(d => (
          <MenuItem key={d} value={d}>
            last {d} days
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * The four DORA figures over a selectable window, each beside the window before it: for one
 * entity, or for every entity matching portfolio filters (an owner, a business process, ...).
 */
export function DoraPanel(props: {
  entityRef?: string;
  filter?: PortfolioFilter;
  title?: string;
}) {
  const api = useApi(scorecardsApiRef);
  const [days, setDays] = useState<number>(30);
  const filterKey = JSON.stringify(props.filter ?? {});
  const { value, loading, error } = useAsync(async () => {
    // Whole days, so that the same window asks the same question all day long.
    const to = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS);
    const from = new Date(to.getTime() - days * DAY_MS);
    return api.getDora({
      ...(props.filter ?? {}),
      entityRef: props.entityRef,
      from,
      to,
    });
  }, [api, days, props.entityRef, filterKey]);

  const action = <DoraWindowSelect days={days} onChange={setDays} />;

  let body: ReactNode;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) {
    const counted = props.entityRef
      ? ''
      : ` across ${formatCount(value.entityRefs.length)} services`;
    body = (
      <>
        <Typography variant="body2" color="textSecondary" paragraph>
          {value.current.from.slice(0, 10)} to {value.current.to.slice(0, 10)}
          {counted}, from deployment and incident events (Waybill JSON or
          CDEvents) sent to <code>POST /api/scorecards/events</code>.
        </Typography>
        <Grid container spacing={2}>
          {FIGURES.map(spec => (
            <Grid item xs={12} sm={6} md={3} key={spec.title}>
              <DoraFigure
                spec={spec}
                current={value.current}
                previous={value.previous}
              />
            </Grid>
          ))}
        </Grid>
      </>
    );
  }
  return (
    <InfoCard title={props.title ?? 'DORA'} action={action}>
      {body}
    </InfoCard>
  );
}
