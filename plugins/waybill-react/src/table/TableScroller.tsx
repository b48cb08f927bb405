import { makeStyles } from '@material-ui/core';
import { ReactNode, useEffect, useRef, useState } from 'react';

const useStyles = makeStyles({
  root: { overflowX: 'auto', maxWidth: '100%' },
});

/**
 * Holds a table that may be wider than its card: the table scrolls sideways inside it rather
 * than pushing the page wider. While it scrolls, it is a named region that takes the keyboard's
 * focus, so the arrow keys scroll it too.
 */
export function TableScroller(props: {
  /** The table's accessible name, which names the region while it scrolls. */
  label: string;
  children: ReactNode;
}) {
  const classes = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(ref);
  return (
    <div
      ref={ref}
      className={classes.root}
      {...(scrolls
        ? {
            role: 'region',
            'aria-label': `${props.label} (scrolls sideways)`,
            tabIndex: 0,
          }
        : {})}
    >
      {props.children}
    </div>
  );
}

/** Whether the element's content is wider than the element, as its size or content change. */
function useScrollsSideways(ref: React.RefObject<HTMLElement>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
