import { Route, Routes } from 'react-router-dom';
import { RELEASE_TRAIN_PATH } from '../../routes';
import { DependencyMapPage } from '../DependencyMapPage';
import { ReleaseTrainPage } from '../ReleaseTrainPage';

/** The plugin's pages: the map at its root, the release-train planner below it. */
export function DependencyMapRouter() {
  return (
    <Routes>
      <Route path="/" element={<DependencyMapPage />} />
      <Route path={`/${RELEASE_TRAIN_PATH}`} element={<ReleaseTrainPage />} />
    </Routes>
  );
}
