import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { http, HttpResponse } from 'msw';
import { SetupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { RolloutBoardPage } from '../components/RolloutBoard';
import { renderRollouts, ROLLOUTS_URL } from './renderRollouts';

/** Renders the board of `view`, which the msw `server` answers, for a user holding `allowed`. */
export function renderBoard(
  server: SetupServer,
  view: RolloutView,
  allowed: string[] = [],
  query = '',
) {
  server.use(
    http.get(`${ROLLOUTS_URL}/rollouts/${view.id}`, () =>
      HttpResponse.json(view),
    ),
  );
  return renderRollouts(
    <Routes>
      <Route path="/rollouts/:id" element={<RolloutBoardPage />} />
    </Routes>,
    { routeEntries: [`/rollouts/${view.id}${query}`], allowed },
  );
}
