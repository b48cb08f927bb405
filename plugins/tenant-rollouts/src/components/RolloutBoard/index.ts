export { RolloutBoardPage } from './RolloutBoardPage';
