// Language state and the one message lookup. The signal is the one source of truth for the UI
// language; every string the UI shows goes through `t` (catalog) or `tl` (inline localized data).
import { createSignal } from 'solid-js';
import { messages, type MessageKey } from './messages';
import type { Lang, Localized } from './types';

export type { Lang, Localized, MessageKey };
export { LANGS } from './types';

const [lang, setLang] = createSignal<Lang>('vi');
export { lang, setLang };

/** Catalog text in the UI language (or `l`), with {placeholders} filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>, l: Lang = lang()): string {
  const text = messages[key][l];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/** Number in the UI language's format. */
export function fmt(n: number, digits = 0): string {
  return new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Text of an inline localized value (catalog entries of layers carry their own titles). */
export function tl(value: Localized, l: Lang = lang()): string {
  return value[l];
}
