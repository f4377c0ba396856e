import { draftCount } from './drafts';
import { unsettledCount } from './first-precondition';

/**
 * Has the browser ask before the tab is closed, reloaded or left for another site while a sending
 * is unsettled (its session storage goes with the tab, and with it the only way to send it again
 * under the same key) or while a form holds text typed and not sent.
 */
export function warnBeforeLeavingUnsent(): void {
  window.addEventListener('beforeunload', (event) => {
    if (unsettledCount() === 0 && draftCount() === 0) return;
    event.preventDefault();
    // Older browsers ask only when a return value is set.
    event.returnValue = '';
  });
}
