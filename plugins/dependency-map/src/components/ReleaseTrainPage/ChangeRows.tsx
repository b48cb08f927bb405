import { Box, IconButton, TextField, makeStyles } from '@material-ui/core';
import Delete from '@material-ui/icons/Delete';
import type {
  DependencyNode,
  RejectedChange,
} from '@waybill/plugin-dependency-map-common';
import type { ChangeRow, ReleaseTrainChanges } from './useReleaseTrainChanges';

const useStyles = makeStyles(theme => ({
  row: { display: 'flex', gap: theme.spacing(1), alignItems: 'flex-start' },
}));

const KNOWN_ENTITIES_LIST = 'dependency-map-known-entities';

/**
 * One field pair per change (entity, version), the entity picked from the estate's. A change the
 * last plan could not plan is marked on its row, with why, until the row is edited.
 */
export function ChangeRows(props: {
  train: ReleaseTrainChanges;
  known: DependencyNode[];
  rejected: ReadonlyMap<number, RejectedChange>;
}) {
  const classes = useStyles();
  const { rows, setRow, removeRow } = props.train;
  const rejectedOf = (row: ChangeRow) => {
    const rejected = props.rejected.get(row.key);
    return rejected &&
      rejected.entityRef === row.entityRef.trim() &&
      rejected.version === row.version.trim()
      ? rejected
      : undefined;
  };
  return (
    <>
      <datalist id={KNOWN_ENTITIES_LIST}>
        {props.known.map(n => (
          <option key={n.ref} value={n.ref}>
            {n.title}
          </option>
        ))}
      </datalist>
      {rows.map((row, i) => {
        const rejected = rejectedOf(row);
        const onVersion = rejected?.reason === 'invalid-version';
        return (
          <Box key={row.key} className={classes.row} mb={1}>
            <TextField
              id={`release-train-entity-${row.key}`}
              label={`Entity ${i + 1}`}
              size="small"
              fullWidth
              value={row.entityRef}
              placeholder="component:default/pricing-api"
              inputProps={{ list: KNOWN_ENTITIES_LIST }}
              error={Boolean(rejected) && !onVersion}
              helperText={
                rejected && !onVersion
                  ? `Not planned: ${rejected.message}`
                  : undefined
              }
              onChange={e => setRow(row.key, { entityRef: e.target.value })}
            />
            <TextField
              id={`release-train-version-${row.key}`}
              label={`Version ${i + 1}`}
              size="small"
              style={{ width: 140 }}
              value={row.version}
              placeholder="3.0.0"
              error={onVersion}
              helperText={
                onVersion ? `Not planned: ${rejected?.message}` : undefined
              }
              onChange={e => setRow(row.key, { version: e.target.value })}
            />
            <IconButton
              size="small"
              aria-label={`Remove change ${i + 1}`}
              onClick={() => removeRow(row.key)}
            >
              <Delete fontSize="small" />
            </IconButton>
          </Box>
        );
      })}
    </>
  );
}
