import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  IconButton,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import Delete from '@material-ui/icons/Delete';
import { Alert } from '@material-ui/lab';
import type {
  ReleaseTrainChange,
  ReleaseTrainPlan,
} from '@waybill/plugin-dependency-map-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dependencyMapApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { EntityRefLink } from '../shared/EntityRefLink';
import {
  PasteError,
  downloadText,
  formatReleaseTrainList,
  parseReleaseTrainList,
  planToJson,
  planToMarkdown,
} from './planText';

const useStyles = makeStyles(theme => ({
  paper: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  row: { display: 'flex', gap: theme.spacing(1), alignItems: 'center' },
  sequence: { margin: 0, paddingLeft: theme.spacing(3) },
}));

interface Row extends ReleaseTrainChange {
  key: number;
}

let nextKey = 1;
const emptyRow = (): Row => ({ key: nextKey++, entityRef: '', version: '' });

/**
 * The release-train planner: entities and versions in, the safe order out (sequence, waves),
 * with what blocks it, exported as JSON or as a Markdown change record.
 */
export function ReleaseTrainPage() {
  const classes = useStyles();
  const api = useApi(dependencyMapApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [paste, setPaste] = useState('');
  const [pasteErrors, setPasteErrors] = useState<PasteError[]>([]);
  const [planned, setPlanned] = useState<
    { changes: ReleaseTrainChange[]; at: Date } | undefined
  >();

  // Entities to pick from: the deployables and APIs of the estate.
  const known = useAsync(async () => {
    const estate = await api.getEstate({
      kinds: ['component', 'api', 'resource'],
      maxNodes: 10000,
    });
    return estate.nodes.filter(n => n.type !== 'tenant');
  }, [api]);

  const [plan, runPlan] = useAsyncFn(
    async (changes: ReleaseTrainChange[]): Promise<ReleaseTrainPlan> =>
      api.planReleaseTrain({ changes }),
    [api],
  );

  const changes = rows
    .map(r => ({ entityRef: r.entityRef.trim(), version: r.version.trim() }))
    .filter(r => r.entityRef && r.version);

  const setRow = (key: number, patch: Partial<ReleaseTrainChange>) =>
    setRows(current =>
      current.map(r => (r.key === key ? { ...r, ...patch } : r)),
    );

  const addPasted = () => {
    const parsed = parseReleaseTrainList(paste);
    setPasteErrors(parsed.errors);
    if (parsed.changes.length === 0) return;
    setRows(current => {
      const kept = current.filter(
        r =>
          (r.entityRef.trim() || r.version.trim()) &&
          !parsed.changes.some(c => c.entityRef === r.entityRef.trim()),
      );
      return [...kept, ...parsed.changes.map(c => ({ ...c, key: nextKey++ }))];
    });
    if (parsed.errors.length === 0) setPaste('');
  };

  const submit = () => {
    setPlanned({ changes, at: new Date() });
    runPlan(changes);
  };

  const title = (ref: string) =>
    plan.value?.changes.find(c => c.entityRef === ref)?.title ?? ref;
  const stamp = (planned?.at ?? new Date()).toISOString().replace(/[:.]/g, '-');

  return (
    <Page themeId="tool">
      <Header
        title="Release-train planner"
        subtitle="Pick the changes; get the safe order, the waves and what blocks them"
      />
      <Content>
        <ContentHeader title="Release train">
          <Button variant="outlined" component={RouterLink} to={rootLink()}>
            Back to the dependency map
          </Button>
        </ContentHeader>
        <Grid container spacing={2}>
          <Grid item xs={12} md={5}>
            <Paper className={classes.paper}>
              <Typography variant="h6" component="h2" gutterBottom>
                Changes
              </Typography>
              <datalist id="dependency-map-known-entities">
                {(known.value ?? []).map(n => (
                  <option key={n.ref} value={n.ref}>
                    {n.title}
                  </option>
                ))}
              </datalist>
              {rows.map((row, i) => (
                <Box key={row.key} className={classes.row} mb={1}>
                  <TextField
                    id={`release-train-entity-${row.key}`}
                    label={`Entity ${i + 1}`}
                    size="small"
                    fullWidth
                    value={row.entityRef}
                    placeholder="component:default/pricing-api"
                    inputProps={{ list: 'dependency-map-known-entities' }}
                    onChange={e =>
                      setRow(row.key, { entityRef: e.target.value })
                    }
                  />
                  <TextField
                    id={`release-train-version-${row.key}`}
                    label={`Version ${i + 1}`}
                    size="small"
                    style={{ width: 140 }}
                    value={row.version}
                    placeholder="3.0.0"
                    onChange={e => setRow(row.key, { version: e.target.value })}
                  />
                  <IconButton
                    size="small"
                    aria-label={`Remove change ${i + 1}`}
                    onClick={() =>
                      setRows(current =>
                        current.length > 1
                          ? current.filter(r => r.key !== row.key)
                          : [emptyRow()],
                      )
                    }
                  >
                    <Delete fontSize="small" />
                  </IconButton>
                </Box>
              ))}
              <Button
                size="small"
                onClick={() => setRows(r => [...r, emptyRow()])}
              >
                Add a change
              </Button>
              <Box mt={2}>
                <TextField
                  id="release-train-paste"
                  label="Paste a list"
                  multiline
                  minRows={4}
                  fullWidth
                  variant="outlined"
                  value={paste}
                  placeholder={
                    'api:pricing-api 3.0.0\npricing-api 3.0.0\ncustomer-portal 5.0.0'
                  }
                  helperText="One change per line: entity ref, then version"
                  onChange={e => setPaste(e.target.value)}
                />
                <Button
                  size="small"
                  onClick={addPasted}
                  disabled={!paste.trim()}
                >
                  Add pasted changes
                </Button>
                {pasteErrors.length > 0 && (
                  <Alert severity="error" aria-label="Lines not read">
                    {pasteErrors.map(e => (
                      <div key={e.line}>
                        Line {e.line} ({e.text.trim()}): {e.message}
                      </div>
                    ))}
                  </Alert>
                )}
              </Box>
              <Box mt={2} className={classes.row}>
                <Button
                  variant="contained"
                  color="primary"
                  disabled={changes.length === 0 || plan.loading}
                  onClick={submit}
                >
                  Plan release train
                </Button>
                <Typography variant="body2" color="textSecondary">
                  {changes.length} {changes.length === 1 ? 'change' : 'changes'}
                </Typography>
              </Box>
            </Paper>
          </Grid>
          <Grid item xs={12} md={7}>
            {plan.loading && <Progress />}
            {plan.error && <ResponseErrorPanel error={plan.error} />}
            {!plan.loading && !plan.error && !plan.value && (
              <Typography color="textSecondary">
                Add changes and plan the train to see the safe order.
              </Typography>
            )}
            {plan.value && planned && !plan.loading && (
              <Paper className={classes.paper} aria-label="Plan">
                <Box className={classes.row} mb={2}>
                  <Typography variant="h6" component="h2" style={{ flex: 1 }}>
                    Plan
                  </Typography>
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() =>
                      downloadText(
                        `release-train-${stamp}.json`,
                        planToJson(planned.changes, plan.value!, {
                          createdAt: planned.at,
                        }),
                        'application/json',
                      )
                    }
                  >
                    Export JSON
                  </Button>
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() =>
                      downloadText(
                        `release-train-${stamp}.md`,
                        planToMarkdown(plan.value!, { createdAt: planned.at }),
                        'text/markdown',
                      )
                    }
                  >
                    Export Markdown
                  </Button>
                </Box>
                <Alert severity={plan.value.safe ? 'success' : 'error'}>
                  {plan.value.safe
                    ? `Safe: ${plan.value.waves.length} ${
                        plan.value.waves.length === 1 ? 'wave' : 'waves'
                      }, no blockers or incompatibilities.`
                    : 'Not safe: resolve the blockers and incompatibilities below first.'}
                </Alert>

                <Box mt={2}>
                  <Typography variant="subtitle1" component="h3">
                    Safe sequence
                  </Typography>
                  <ol className={classes.sequence} aria-label="Safe sequence">
                    {plan.value.sequence.map(ref => {
                      const change = plan.value!.changes.find(
                        c => c.entityRef === ref,
                      );
                      return (
                        <li key={ref}>
                          <EntityRefLink entityRef={ref} title={title(ref)} />{' '}
                          {change?.version}
                          {change ? ` (wave ${change.wave + 1})` : ''}
                        </li>
                      );
                    })}
                  </ol>
                </Box>

                <Box mt={2}>
                  <Typography variant="subtitle1" component="h3">
                    Waves
                  </Typography>
                  <Table size="small" aria-label="Release waves">
                    <TableHead>
                      <TableRow>
                        <TableCell>Wave</TableCell>
                        <TableCell>Changes</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {plan.value.waves.map(wave => (
                        <TableRow key={wave.index}>
                          <TableCell>{wave.index + 1}</TableCell>
                          <TableCell>
                            {wave.changes
                              .map(
                                c =>
                                  `${c.title} ${c.version}${
                                    c.ridesWith?.length
                                      ? ` (goes live with ${c.ridesWith.join(
                                          ', ',
                                        )})`
                                      : ''
                                  }`,
                              )
                              .join('; ')}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Box>

                <Box mt={2}>
                  <Typography variant="subtitle1" component="h3">
                    Blockers
                  </Typography>
                  {plan.value.blockers.length === 0 ? (
                    <Typography variant="body2">None.</Typography>
                  ) : (
                    plan.value.blockers.map((b, i) => (
                      <Alert key={i} severity="error">
                        {b.entityRefs.map(title).join(' ⇄ ')}: {b.message}
                      </Alert>
                    ))
                  )}
                </Box>

                <Box mt={2}>
                  <Typography variant="subtitle1" component="h3">
                    Incompatibilities
                  </Typography>
                  {plan.value.incompatibilities.length === 0 ? (
                    <Typography variant="body2">None.</Typography>
                  ) : (
                    plan.value.incompatibilities.map((c, i) => (
                      <Alert key={i} severity="error">
                        {c.consumer} needs {c.api} {c.range}: {c.message}
                      </Alert>
                    ))
                  )}
                </Box>

                <Box mt={2}>
                  <Typography variant="subtitle1" component="h3">
                    Consumers that must wait
                  </Typography>
                  {plan.value.prematureConsumers.length === 0 ? (
                    <Typography variant="body2">None.</Typography>
                  ) : (
                    <ul aria-label="Consumers that must wait">
                      {plan.value.prematureConsumers.map((p, i) => (
                        <li key={i}>
                          <Typography variant="body2">{p.message}</Typography>
                        </li>
                      ))}
                    </ul>
                  )}
                </Box>

                <Box mt={2}>
                  <Typography variant="caption" color="textSecondary">
                    As a list:{' '}
                    {formatReleaseTrainList(planned.changes).replace(
                      /\n/g,
                      '; ',
                    )}
                  </Typography>
                </Box>
              </Paper>
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
