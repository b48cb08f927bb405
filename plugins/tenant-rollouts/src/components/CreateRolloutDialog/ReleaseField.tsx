import { useApiHolder } from '@backstage/core-plugin-api';
import { Box, TextField, Typography } from '@material-ui/core';
import { Theme, useTheme } from '@material-ui/core/styles';
import { Autocomplete } from '@material-ui/lab';
import {
  releaseVerdict,
  ReleaseSummary,
  ScorecardsApi,
} from '@waybill/plugin-scorecards-common';
import { Badge, readable } from '@waybill/plugin-waybill-react';
import useAsync from 'react-use/esm/useAsync';
import { formatRelative } from '../shared/format';
import { gradeInWords, RELEASE_LIMIT, releaseHint } from './releaseChoice';
import { scorecardsApiRef } from './scorecardsApi';
import { reasonOf } from './useCreateRolloutForm';

const FIELD_ID = 'create-rollout-version';

/** A verdict's badge colours: a blocked release is red whatever its grade. */
function verdictColours(
  theme: Theme,
  state: ReturnType<typeof releaseVerdict>['state'],
): { background: string; colour: string } {
  const { success, warning, error, text } = theme.palette;
  switch (state) {
    case 'blocked':
      return { background: readable(theme, error.main), colour: '#fff' };
    case 'warns':
      return { background: warning.main, colour: '#000' };
    case 'clear':
      return { background: readable(theme, success.main), colour: '#fff' };
    default:
      return { background: 'transparent', colour: text.primary };
  }
}

/** One release in the list: its version, when, its grade and its gates' verdict. */
function ReleaseOption(props: { release: ReleaseSummary }) {
  const theme = useTheme();
  const { release } = props;
  const verdict = releaseVerdict(release.gates);
  const { background, colour } = verdictColours(theme, verdict.state);
  return (
    <Box display="flex" alignItems="center" width="100%" gridGap={8}>
      <Box flexGrow={1}>
        <Typography variant="body1">{release.version}</Typography>
        <Typography variant="body2" color="textSecondary">
          {gradeInWords(release)} · {formatRelative(release.createdAt)}
        </Typography>
      </Box>
      <Badge background={background} colour={colour}>
        {verdict.text}
      </Badge>
    </Box>
  );
}

/** The releases the scorecards hold for the entity, newest first, offered with their verdicts. */
function ReleasePicker(props: {
  scorecards: ScorecardsApi;
  entityRef?: string;
  version: string;
  environment: string;
  onChange: (version: string) => void;
}) {
  const { scorecards, entityRef } = props;
  const releases = useAsync(async () => {
    if (!entityRef) return undefined;
    const history = await scorecards.listReleases(entityRef, {
      limit: RELEASE_LIMIT,
    });
    return history.items;
  }, [scorecards, entityRef]);
  const byVersion = new Map(
    (releases.value ?? []).map(release => [release.version, release]),
  );
  const hint = releases.error
    ? `The releases could not be loaded (${reasonOf(
        releases.error,
      )}); type the version`
    : releaseHint(releases.value, props.version, props.environment);
  return (
    <Autocomplete<string, false, false, true>
      id={FIELD_ID}
      freeSolo
      options={[...byVersion.keys()]}
      value={props.version || null}
      onChange={(_, version) => props.onChange(version ?? '')}
      inputValue={props.version}
      onInputChange={(_, version) => props.onChange(version)}
      loading={releases.loading}
      renderOption={version => {
        const release = byVersion.get(version);
        return release ? <ReleaseOption release={release} /> : version;
      }}
      renderInput={params => (
        <TextField
          {...params}
          label="Version"
          margin="normal"
          inputProps={{
            ...params.inputProps,
            maxLength: 255,
            'aria-required': true,
          }}
          helperText={hint}
        />
      )}
    />
  );
}

/**
 * The version of a new rollout: picked from the entity's releases in the scorecards, or typed (a
 * release without evidence yet). Without the scorecards plugin in the app, it is typed.
 */
export function ReleaseField(props: {
  /** The entity's ref, once it is known. */
  entityRef?: string;
  version: string;
  environment: string;
  onChange: (version: string) => void;
}) {
  const scorecards = useApiHolder().get(scorecardsApiRef);
  if (scorecards) return <ReleasePicker scorecards={scorecards} {...props} />;
  return (
    <TextField
      id={FIELD_ID}
      label="Version"
      fullWidth
      margin="normal"
      value={props.version}
      onChange={e => props.onChange(e.target.value)}
      helperText="The release to deploy, for example 7.4.0"
      inputProps={{ maxLength: 255, 'aria-required': true }}
    />
  );
}
