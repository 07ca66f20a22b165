// Lookup of the presenter's strings, which live in the app's message catalog (src/i18n).
import { lang } from '../i18n';
import { presenterMessages } from '../i18n/presenter-messages';

export { presenterMessages };


export type PresenterMessageKey = keyof typeof presenterMessages;

/** Presenter text in the current UI language. */
export function tp(key: PresenterMessageKey): string {
  return presenterMessages[key][lang()];
}

/** Presenter text with {placeholders} filled in. */
export function tpf(key: PresenterMessageKey, vars: Record<string, string | number>): string {
  return tp(key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
