import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { http, HttpResponse } from 'msw';
import { SetupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { RolloutBoardPage } from '../components/RolloutBoard';
import { boardAnswer } from './boardAnswer';
import { renderRollouts, ROLLOUTS_URL } from './renderRollouts';

/**
 * Renders the board of `view` (every tenant), which the msw `server` answers as the backend
 * does, a page of the tenants each request's query matches, for a user holding `allowed`.
 */
export function renderBoard(
  server: SetupServer,
  view: RolloutView,
  allowed: string[] = [],
  query = '',
) {
  server.use(
    http.get(`${ROLLOUTS_URL}/rollouts/${view.id}`, ({ request }) =>
      HttpResponse.json(boardAnswer(view, new URL(request.url))),
    ),
  );
  return renderRollouts(
    <Routes>
      <Route path="/rollouts/:id" element={<RolloutBoardPage />} />
    </Routes>,
    { routeEntries: [`/rollouts/${view.id}${query}`], allowed },
  );
}
