import { useEffect } from 'react';

/**
 * The browser tab's and bookmark's name for the page shown (index.html's is the application's name
 * only); given back when the page goes, so a page without a title of its own never keeps another's.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
