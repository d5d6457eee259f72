/**
 * One observer for the whole document: a `lang` change on the element or any ancestor (the page switching its
 * language on `<html>` or a wrapper) reaches every element below it, so no screen mixes two languages.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `listener` after any `lang` attribute in the document changes; returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver === 'function') {
    observer = new MutationObserver(() => {
      for (const each of [...listeners]) each();
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
