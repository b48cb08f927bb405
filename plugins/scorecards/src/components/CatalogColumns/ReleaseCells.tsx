import { makeStyles } from '@material-ui/core';
import { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { GradeChip, VerdictChip } from '../shared/chips';
import { useScorecardLink } from '../shared/useScorecardLink';
import { CatalogRelease } from './catalogReleases';
import { CatalogReleasesState } from './useCatalogReleases';

const useStyles = makeStyles(theme => ({
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
    color: theme.palette.link ?? theme.palette.primary.main,
    textDecoration: 'none',
    '&:hover, &:focus-visible': { textDecoration: 'underline' },
  },
  quiet: {
    ...theme.typography.body2,
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
  },
}));

/**
 * What a cell shows before it has a release to show: loading, the portfolio unreadable, or the
 * entity without a scored release (a state, not a failure).
 */
function ReleaseCell(props: {
  entityRef: string;
  state: CatalogReleasesState;
  children: (release: CatalogRelease) => ReactNode;
}) {
  const classes = useStyles();
  const { releases, error } = props.state;
  if (error) {
    return (
      <span className={classes.quiet} title={error.message}>
        Scorecards unavailable
      </span>
    );
  }
  if (!releases) return <span className={classes.quiet}>Loading…</span>;
  const release = releases.get(props.entityRef);
  if (!release) return <span className={classes.quiet}>No release scored</span>;
  return <>{props.children(release)}</>;
}

/** The link to the release on the entity's scorecards tab. */
function ReleaseLink(props: { release: CatalogRelease; children: ReactNode }) {
  const classes = useStyles();
  const scorecardLink = useScorecardLink();
  const { entityRef, version } = props.release;
  return (
    <RouterLink className={classes.link} to={scorecardLink(entityRef, version)}>
      {props.children}
    </RouterLink>
  );
}

/** The grade of the entity's latest release and its version, linked to its scorecard. */
export function ReleaseGradeCell(props: {
  entityRef: string;
  state: CatalogReleasesState;
}) {
  return (
    <ReleaseCell entityRef={props.entityRef} state={props.state}>
      {release => (
        <ReleaseLink release={release}>
          <GradeChip grade={release.grade} />
          <span>{release.version}</span>
        </ReleaseLink>
      )}
    </ReleaseCell>
  );
}

/**
 * The verdict of the latest release's gates ("Blocked for production", "Warns for staging",
 * "Passes every gate"), coloured like everywhere else and linked to its scorecard.
 */
export function ReleaseGateCell(props: {
  entityRef: string;
  state: CatalogReleasesState;
}) {
  return (
    <ReleaseCell entityRef={props.entityRef} state={props.state}>
      {release => (
        <ReleaseLink release={release}>
          <VerdictChip gates={release.gates} />
        </ReleaseLink>
      )}
    </ReleaseCell>
  );
}
