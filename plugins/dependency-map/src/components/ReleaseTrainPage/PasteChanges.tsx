import { Box, Button, TextField } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ReleaseTrainChanges } from './useReleaseTrainChanges';

/** A pasted list of changes, added to the rows, with the lines that could not be read. */
export function PasteChanges(props: { train: ReleaseTrainChanges }) {
  const { paste, setPaste, pasteErrors, addPasted } = props.train;
  return (
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
      <Button size="small" onClick={addPasted} disabled={!paste.trim()}>
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
  );
}
