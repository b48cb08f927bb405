import { useApi } from '@backstage/core-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  BoardQuery,
  RolloutAction,
  RolloutActionRequest,
  rolloutChannel,
  RolloutConflict,
  rolloutConflictOf,
  RolloutSignal,
  RolloutView,
} from '@waybill/plugin-tenant-rollouts-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { tenantRolloutsApiRef } from '../../api';

/**
 * How often a live (running or paused) rollout is reloaded while its board is visible, when the
 * portal has no signals (with signals, it is reloaded when the backend says it changed).
 */
export const POLL_MS = 15_000;

/** How a live board learns of changes: pushed by signals, or by polling without them. */
export type LiveUpdates = 'signals' | 'polling';

/** A refused action: which, and what the backend said stands in the way. */
export type RefusedAction = RolloutConflict & { action: RolloutAction };

/**
 * `load`, run so that calls while it is under way are answered by one more run after it, not
 * one each: a burst of signals costs two reads, not a read per signal.
 */
function useCoalesced(load: () => Promise<void>): () => Promise<void> {
  const running = useRef<{ again: boolean } | undefined>(undefined);
  // The latest load: a call while an older one runs (another page, say) is answered by it.
  const latest = useRef(load);
  latest.current = load;
  return useCallback(async () => {
    if (running.current) {
      running.current.again = true;
      return;
    }
    running.current = { again: false };
    try {
      do {
        running.current.again = false;
        await latest.current();
      } while (running.current.again);
    } finally {
      running.current = undefined;
    }
  }, []);
}

/**
 * Reloads a rollout when its signal says it changed; without signals in the portal, every
 * POLL_MS while it is live and the page is visible. Answers which of the two it does.
 */
function useLiveReload(
  id: number,
  live: boolean,
  reload: () => Promise<void>,
): LiveUpdates {
  const { lastSignal, isSignalsAvailable } = useSignal<RolloutSignal>(
    rolloutChannel(id),
  );
  useEffect(() => {
    if (lastSignal) reload();
  }, [lastSignal, reload]);
  useEffect(() => {
    if (!live || isSignalsAvailable) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, isSignalsAvailable, reload]);
  return isSignalsAvailable ? 'signals' : 'polling';
}

/**
 * A rollout's board with the page of tenants `query` asks for, reloaded as it changes (see
 * useLiveReload) and when the query does, and its actions: a refused action keeps its blockers
 * (a 409) for the board to show, any other failure its error.
 */
export function useRollout(id: number, query: BoardQuery = {}) {
  const api = useApi(tenantRolloutsApiRef);
  const [view, setView] = useState<RolloutView>();
  const [loadError, setLoadError] = useState<Error>();
  const [acting, setActing] = useState<RolloutAction>();
  const [refused, setRefused] = useState<RefusedAction>();
  const [actionError, setActionError] = useState<Error>();

  // The query by value: a new object asking the same keeps the board as it is.
  const queryKey = JSON.stringify(query);
  const load = useCallback(async () => {
    try {
      setView(await api.getRollout(id, JSON.parse(queryKey)));
      setLoadError(undefined);
    } catch (error) {
      setLoadError(error as Error);
    }
  }, [api, id, queryKey]);
  const reload = useCoalesced(load);

  // Another rollout starts blank; another page or filter keeps the board until it is answered.
  useEffect(() => setView(undefined), [id]);
  useEffect(() => {
    reload();
  }, [load, reload]);

  const liveUpdates = useLiveReload(
    id,
    view?.state === 'running' || view?.state === 'paused',
    reload,
  );

  const act = useCallback(
    async (action: RolloutAction, request?: RolloutActionRequest) => {
      setActing(action);
      setRefused(undefined);
      setActionError(undefined);
      try {
        // The answer is where the rollout is now, not its board: read the board again (with any
        // reload a signal asked for under way, once more after it).
        await api.act(id, action, request);
        await reload();
      } catch (error) {
        const conflict = rolloutConflictOf(error);
        if (conflict) {
          setRefused({ ...conflict, action });
          await reload();
        } else {
          setActionError(error as Error);
        }
      } finally {
        setActing(undefined);
      }
    },
    [api, id, reload],
  );

  return {
    view,
    liveUpdates,
    loadError,
    reload,
    act,
    acting,
    refused,
    actionError,
    dismiss: () => {
      setRefused(undefined);
      setActionError(undefined);
    },
  };
}
