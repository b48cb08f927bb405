export { DoraPanel, DORA_WINDOWS } from './DoraPanel';
