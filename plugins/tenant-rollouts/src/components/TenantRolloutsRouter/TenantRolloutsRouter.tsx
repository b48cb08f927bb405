import { Route, Routes } from 'react-router-dom';
import { FreezeCalendarPage } from '../FreezeCalendarPage';
import { RolloutBoardPage } from '../RolloutBoard';
import { RolloutsPage } from '../RolloutsPage';

/** The plugin's pages: the rollouts list at its root, a rollout's board and the freeze calendar below it. */
export function TenantRolloutsRouter() {
  return (
    <Routes>
      <Route path="/" element={<RolloutsPage />} />
      <Route path="/rollouts/:id" element={<RolloutBoardPage />} />
      <Route path="/freeze-calendar" element={<FreezeCalendarPage />} />
    </Routes>
  );
}
