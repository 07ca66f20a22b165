// Language state and lookup. The signal is the one source of truth for the UI language.
import { createSignal } from 'solid-js';
import { messages, type Lang, type Localized, type MessageKey } from './messages';

export type { Lang, Localized, MessageKey };

const [lang, setLang] = createSignal<Lang>('vi');
export { lang, setLang };

/** Text of a catalog message in the current language. */
export function t(key: MessageKey): string {
  return messages[key][lang()];
}

/** Catalog text with {placeholders} filled in. */
export function tf(key: MessageKey, vars: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Number in the UI language's format. */
export function fmt(n: number, digits = 0): string {
  return new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Text of an inline localized value (catalog entries of layers carry their own titles). */
export function tl(value: Localized): string {
  return value[lang()];
}
