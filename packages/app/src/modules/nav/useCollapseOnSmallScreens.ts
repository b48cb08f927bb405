import { useSidebarPinState } from '@backstage/core-components';
import { Theme, useMediaQuery } from '@material-ui/core';
import { useEffect } from 'react';

/** Remembers that the sidebar was unpinned for a small screen, so a wide one pins it again. */
const UNPINNED_KEY = 'waybill.sidebar.unpinnedForSmallScreen';

/**
 * Collapses the sidebar on screens below Backstage's sidebar breakpoint (`md`, under 1280 px),
 * where it no longer opens on hover: a pinned sidebar would stay open there and take 224 px
 * of the page. It is unpinned when the screen becomes small, and pinned again when the screen
 * becomes wide, if it was unpinned for the small one. Pinning it by hand on a small screen sticks.
 */
export function useCollapseOnSmallScreens() {
  const { isPinned, toggleSidebarPinState, isMobile } = useSidebarPinState();
  const isSmallScreen = useMediaQuery(
    (theme: Theme) => theme.breakpoints.down('md'),
    { noSsr: true },
  );
  useEffect(() => {
    if (isMobile) return;
    const unpinnedForSmallScreen = readFlag();
    if (isSmallScreen && isPinned) {
      writeFlag(true);
      toggleSidebarPinState();
    } else if (!isSmallScreen && !isPinned && unpinnedForSmallScreen) {
      writeFlag(false);
      toggleSidebarPinState();
    }
    // Only on a change of screen size: a sidebar pinned by hand on a small screen stays pinned.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isSmallScreen, isMobile]);
}

function readFlag(): boolean {
  try {
    return window.localStorage.getItem(UNPINNED_KEY) === 'true';
  } catch {
    return false;
  }
}

function writeFlag(value: boolean) {
  try {
    if (value) window.localStorage.setItem(UNPINNED_KEY, 'true');
    else window.localStorage.removeItem(UNPINNED_KEY);
  } catch {
    // Without storage, a wide screen does not pin the sidebar again.
  }
}

/** Collapses the sidebar on small screens (see `useCollapseOnSmallScreens`); renders nothing. */
export function CollapseOnSmallScreens() {
  useCollapseOnSmallScreens();
  return null;
}
