// Messages of the DXF and GeoPackage readers in both languages. The catalog (src/i18n/messages.ts)
// holds the text; the import core renders the English (the CLI and the tests read it) and keeps the
// key and the values beside it, so the panel can show the same message in the UI language. The
// result stays plain data (it crosses the worker boundary).
import { messages, type MessageKey } from '../i18n/messages.ts';
import type { Localized } from '../i18n/types.ts';

/** A value of a message: plain, or already in both languages (a list built from catalog pieces). */
export type MessageValue = string | number | Localized;
export type MessageVars = Record<string, MessageValue>;

/** One message: its English text as the import reports it, and how to show it in another language. */
export interface LocalizedMessage {
  text: string;
  key: MessageKey;
  vars: MessageVars;
}

function fill(template: string, vars: MessageVars, lang: keyof Localized): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = vars[k];
    if (v === undefined) return m;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/** The message in one language. */
export function renderMessage(key: MessageKey, vars: MessageVars, lang: keyof Localized = 'en'): string {
  return fill(messages[key][lang], vars, lang);
}

export function localized(key: MessageKey, vars: MessageVars): LocalizedMessage {
  return { text: renderMessage(key, vars), key, vars };
}

/** The values a UI lookup (`t`) takes: localized values resolved to `lang`. */
export function varsIn(vars: MessageVars, lang: keyof Localized): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === 'object' ? v[lang] : v;
  return out;
}

/** A failure with its localized message: `error` is the English text, as everywhere in the import. */
export interface LocalizedFailure {
  ok: false;
  error: string;
  i18n: LocalizedMessage;
  needsCrs?: boolean;
}

export function failWith(key: MessageKey, vars: MessageVars, needsCrs = false): LocalizedFailure {
  const m = localized(key, vars);
  return needsCrs ? { ok: false, error: m.text, i18n: m, needsCrs } : { ok: false, error: m.text, i18n: m };
}

/** "a, b and c" in both languages, from catalog pieces (`importFmt.piece.*`) with their counts. */
export function listOf(pieces: readonly { key: MessageKey; vars: MessageVars }[]): Localized {
  const join = (lang: keyof Localized): string => {
    const items = pieces.map((p) => renderMessage(p.key, p.vars, lang));
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${messages['importFmt.and'][lang]} ${items[items.length - 1]}`;
  };
  return { vi: join('vi'), en: join('en') };
}

/** English plural helpers for the catalog's {s} / {ies} / {were}. */
export function plural(n: number): MessageVars {
  return { n, s: n === 1 ? '' : 's', ies: n === 1 ? 'y' : 'ies' };
}
