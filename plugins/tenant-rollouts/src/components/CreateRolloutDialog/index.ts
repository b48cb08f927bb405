export { CreateRolloutDialog } from './CreateRolloutDialog';
export { NewRolloutButton } from './NewRolloutButton';
