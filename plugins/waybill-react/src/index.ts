/**
 * The pieces Waybill's frontend plugins share: the dialog shell of an audited action, a small
 * typed table, the status badge, status colours made readable as text, and the shell of a
 * search result.
 *
 * @packageDocumentation
 */
export {
  ActionDialog,
  ActionForm,
  actionDialogTitleId,
} from './dialog/ActionDialog';
export {
  MAX_REASON_LENGTH,
  MIN_REASON_LENGTH,
  ReasonField,
  useReason,
} from './dialog/ReasonField';
export { ReasonDialog } from './dialog/ReasonDialog';
export type { ReasonDialogProps } from './dialog/ReasonDialog';
export { DataTable } from './table/DataTable';
export type { DataColumn, DataTableProps } from './table/DataTable';
export { TableScroller } from './table/TableScroller';
export { Badge } from './badge/Badge';
export type { BadgeProps } from './badge/Badge';
export { readable } from './colour/readable';
export { SearchResultItem } from './search/SearchResultItem';
