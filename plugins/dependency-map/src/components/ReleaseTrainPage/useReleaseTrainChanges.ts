import type { ReleaseTrainChange } from '@waybill/plugin-dependency-map-common';
import { useState } from 'react';
import { PasteError, parseReleaseTrainList } from './planText';

/** A change being edited, keyed so React keeps its fields apart. */
export interface ChangeRow extends ReleaseTrainChange {
  key: number;
}

let nextKey = 1;
const emptyRow = (): ChangeRow => ({
  key: nextKey++,
  entityRef: '',
  version: '',
});

/**
 * The changes being put together: the edited rows, the pasted list and the lines of it that
 * could not be read, and the complete changes (both fields filled in, trimmed) with the keys of
 * their rows.
 */
export function useReleaseTrainChanges() {
  const [rows, setRows] = useState<ChangeRow[]>([emptyRow()]);
  const [paste, setPaste] = useState('');
  const [pasteErrors, setPasteErrors] = useState<PasteError[]>([]);

  const complete = rows
    .map(r => ({
      key: r.key,
      entityRef: r.entityRef.trim(),
      version: r.version.trim(),
    }))
    .filter(r => r.entityRef && r.version);
  const changes: ReleaseTrainChange[] = complete.map(
    ({ entityRef, version }) => ({ entityRef, version }),
  );
  // The row each change comes from, so a change the plan rejects can be marked on its row.
  const changeKeys = complete.map(r => r.key);

  const setRow = (key: number, patch: Partial<ReleaseTrainChange>) =>
    setRows(current =>
      current.map(r => (r.key === key ? { ...r, ...patch } : r)),
    );
  const addRow = () => setRows(r => [...r, emptyRow()]);
  const removeRow = (key: number) =>
    setRows(current =>
      current.length > 1 ? current.filter(r => r.key !== key) : [emptyRow()],
    );

  // Pasted changes replace rows of the same entity and drop empty rows.
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

  return {
    rows,
    changes,
    changeKeys,
    setRow,
    addRow,
    removeRow,
    paste,
    setPaste,
    pasteErrors,
    addPasted,
  };
}

/** What {@link useReleaseTrainChanges} answers. */
export type ReleaseTrainChanges = ReturnType<typeof useReleaseTrainChanges>;
