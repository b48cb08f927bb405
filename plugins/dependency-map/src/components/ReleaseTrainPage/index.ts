export { ReleaseTrainPage } from './ReleaseTrainPage';
