import { useApi } from '@backstage/core-plugin-api';
import {
  RolloutAction,
  RolloutActionRequest,
  RolloutConflict,
  rolloutConflictOf,
  RolloutView,
} from '@waybill/plugin-tenant-rollouts-common';
import { useCallback, useEffect, useState } from 'react';
import { tenantRolloutsApiRef } from '../../api';

/** How often a live (running or paused) rollout is reloaded while its board is visible. */
export const POLL_MS = 15_000;

/** A refused action: which, and what the backend said stands in the way. */
export type RefusedAction = RolloutConflict & { action: RolloutAction };

/**
 * A rollout, reloaded while it is live, and its actions: a refused action keeps its blockers
 * (a 409) for the board to show, any other failure its error.
 */
export function useRollout(id: number) {
  const api = useApi(tenantRolloutsApiRef);
  const [view, setView] = useState<RolloutView>();
  const [loadError, setLoadError] = useState<Error>();
  const [acting, setActing] = useState<RolloutAction>();
  const [refused, setRefused] = useState<RefusedAction>();
  const [actionError, setActionError] = useState<Error>();

  const reload = useCallback(async () => {
    try {
      setView(await api.getRollout(id));
      setLoadError(undefined);
    } catch (error) {
      setLoadError(error as Error);
    }
  }, [api, id]);

  useEffect(() => {
    setView(undefined);
    reload();
  }, [reload]);

  const live = view?.state === 'running' || view?.state === 'paused';
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  const act = useCallback(
    async (action: RolloutAction, request?: RolloutActionRequest) => {
      setActing(action);
      setRefused(undefined);
      setActionError(undefined);
      try {
        setView(await api.act(id, action, request));
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
