import { useCallback, useEffect, useState } from 'react';
import { DESK_PATH, deskSearch, deskViewOf, type DeskView } from '../navigation.js';

// Which of the desk's views is open (`/desk?view=`): the address follows, so Back returns to the view before and a view
// can be bookmarked.
export function useDeskView() {
  const [view, setView] = useState<DeskView>(() => deskViewOf(window.location.search));
  useEffect(() => {
    const onPop = () => setView(deskViewOf(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const open = useCallback((next: DeskView, extra?: Record<string, string>) => {
    const search = deskSearch(next, window.location.search, extra);
    window.history.pushState(null, '', `${DESK_PATH}${search ? `?${search}` : ''}`);
    setView(next);
  }, []);
  return { view, open };
}

/** The address of a desk view, for links that also work opened in a new tab. */
export const deskViewHref = (view: DeskView, extra?: Record<string, string>): string => {
  const search = deskSearch(view, window.location.search, extra);
  return `${DESK_PATH}${search ? `?${search}` : ''}`;
};
