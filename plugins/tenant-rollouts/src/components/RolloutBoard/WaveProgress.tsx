import { Box, LinearProgress, Paper, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import AcUnit from '@material-ui/icons/AcUnit';
import { WaveSummary } from '@waybill/plugin-tenant-rollouts-common';

const useStyles = makeStyles(theme => ({
  waves: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: theme.spacing(1),
  },
  wave: { padding: theme.spacing(1.5) },
  current: { outline: `2px solid ${theme.palette.primary.main}` },
  // Not faded: faded text falls below WCAG AA's contrast.
  upcoming: { borderStyle: 'dashed' },
  frozen: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 4,
    // The info text colour: the main blue is 3:1 on white, below WCAG AA.
    color: theme.palette.infoText,
  },
}));

/** The waves in order: where the rollout is, how healthy each wave is, and what it waits for. */
export function WaveProgress(props: { waves: WaveSummary[] }) {
  const classes = useStyles();
  return (
    <div className={classes.waves} aria-label="Waves">
      {props.waves.map(wave => {
        const share = wave.total === 0 ? 0 : wave.healthy / wave.total;
        return (
          <Paper
            key={wave.index}
            variant="outlined"
            className={`${classes.wave} ${
              wave.phase === 'current' ? classes.current : ''
            } ${wave.phase === 'upcoming' ? classes.upcoming : ''}`}
            aria-label={`Wave ${wave.index} ${wave.name}: ${wave.phase}`}
          >
            <Typography variant="overline">
              Wave {wave.index} · {wave.phase}
            </Typography>
            <Typography variant="subtitle1">{wave.name}</Typography>
            <Box my={0.5}>
              <LinearProgress
                variant="determinate"
                value={share * 100}
                aria-label={`${wave.healthy} of ${wave.total} healthy`}
              />
            </Box>
            <Typography variant="body2">
              {wave.healthy} of {wave.total} healthy (needs{' '}
              {Math.round(wave.healthThreshold * 100)}%)
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Bakes {wave.bakeMinutes} min
            </Typography>
            {wave.frozen > 0 && (
              <Typography variant="body2" className={classes.frozen}>
                <AcUnit fontSize="inherit" /> {wave.frozen} frozen now
              </Typography>
            )}
          </Paper>
        );
      })}
    </div>
  );
}
