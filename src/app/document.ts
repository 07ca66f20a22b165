// The document edge: the page's language and title follow the UI language; Esc closes the info card.
import { createEffect, onCleanup } from 'solid-js';
import { t, lang } from '../i18n';
import { actions } from '../state/store';

export function bindDocument(): void {
  createEffect(() => {
    document.documentElement.lang = lang();
    document.title = t('appTitle');
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') actions.select(null);
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
