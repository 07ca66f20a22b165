// Messages of the DXF and GeoPackage readers in both languages. The catalog (src/i18n/messages.ts)
// holds the text; the import core renders the English (the CLI and the tests read it) and keeps the
// key and the values beside it, so the panel can show the same message in the UI language. The
// result stays plain data (it crosses the worker boundary).
import { importCatalog as messages, type ImportMessageKey as MessageKey } from '../i18n/import-catalog.ts';
import type { Localized } from '../i18n/types.ts';
import { fillTemplate, problemText, valueIn, type Audience, type MessageValue } from '../validation/messages.ts';
import type { Problem } from '../validation/types.ts';

/**
 * A value of a message: plain, already in both languages (a list built from catalog pieces), or a
 * feature number ({ feature: 0-based index }: the English text keeps it, the UI counts from 1).
 */
export type { MessageValue };
export type MessageVars = Record<string, MessageValue>;

/** One message: its English text as the import reports it, and how to show it in another language. */
export interface LocalizedMessage {
  text: string;
  key: MessageKey;
  vars: MessageVars;
}

/**
 * The message in one language. Feature numbers: English as the CLIs print it (0-based) unless
 * `audience` says 'ui'; Vietnamese is only ever read in the UI (counting from 1).
 */
export function renderMessage(key: MessageKey, vars: MessageVars, lang: keyof Localized = 'en', audience: Audience = lang === 'en' ? 'cli' : 'ui'): string {
  return fillTemplate(messages[key][lang], vars, lang, audience);
}

export function localized(key: MessageKey, vars: MessageVars): LocalizedMessage {
  return { text: renderMessage(key, vars), key, vars };
}

/** The values a UI lookup (`t`) takes: localized values resolved to `lang`. */
export function varsIn(vars: Readonly<MessageVars>, lang: keyof Localized): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === 'object' ? valueIn(v, lang, 'ui') : v;
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

const MAX_ID = 80;

/**
 * One of the checker's problems as the review step shows it, in `lang`: the file, the feature by
 * its number (counted from 1) and id, and the message. A problem without a code (none of the
 * checker's) shows its English text.
 */
export function problemLine(file: string, p: Problem, lang: keyof Localized): string {
  const text = p.code === undefined ? p.message : problemText({ code: p.code, params: p.params ?? {} }, lang, 'ui');
  if (p.featureIndex === null) return `${file}: ${text}`;
  const id = p.featureId === null ? null : p.featureId.length > MAX_ID ? `${p.featureId.slice(0, MAX_ID - 1)}…` : p.featureId;
  const n = { feature: p.featureIndex };
  const where = id === null ? renderMessage('importCheck.featureRef', { n }, lang, 'ui') : renderMessage('importCheck.featureRefId', { n, id }, lang, 'ui');
  return `${file}: ${where}: ${text}`;
}
