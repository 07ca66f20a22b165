// The checker's messages as data: a code and its values, rendered from the message catalog
// (src/i18n/problem-messages.ts). The English rendering is what the CLIs print; the import's review
// step renders the same code in the UI language. Values stay plain data (problems cross a Web
// Worker boundary), and the catalog holds the only copy of each text.
import { problemMessages } from '../i18n/problem-messages.ts';
import type { Lang, Localized } from '../i18n/types.ts';
import type { ProblemCode } from './problem-codes.ts';

export type { ProblemCode } from './problem-codes.ts';
export { PROBLEM_CODES } from './problem-codes.ts';

/** A feature's 0-based index inside a message: the CLIs print it as is, the UI counts from 1. */
export interface FeatureNumber {
  feature: number;
}

/** A value of a message: plain, already in both languages (a catalog piece), or a feature number. */
export type MessageValue = string | number | Localized | FeatureNumber;
export type MessageVars = Readonly<Record<string, MessageValue>>;

/** Who reads the text: the CLIs' English keeps 0-based feature numbers, as their line format does. */
export type Audience = 'cli' | 'ui';

/** One problem's text as data. */
export interface Msg {
  code: ProblemCode;
  params: MessageVars;
}

export type PartKey = Extract<keyof typeof problemMessages, `problemPart.${string}`>;

export function msg(code: ProblemCode, params: MessageVars = {}): Msg {
  return { code, params };
}

export function isFeatureNumber(v: MessageValue): v is FeatureNumber {
  return typeof v === 'object' && 'feature' in v;
}

export function valueIn(v: MessageValue, lang: Lang, audience: Audience): string {
  if (typeof v !== 'object') return String(v);
  if (isFeatureNumber(v)) return String(audience === 'ui' ? v.feature + 1 : v.feature);
  return v[lang];
}

// Templates split once at their placeholders (odd indexes are names): a file with 100,000 problems
// renders each text by joining, not by a regular expression per problem.
const splitTemplates = new Map<string, string[]>();

function splitTemplate(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (parts === undefined) splitTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/** Fills {name} placeholders; values are inserted as they are (never read as templates themselves). */
export function fillTemplate(template: string, vars: MessageVars, lang: Lang, audience: Audience): string {
  const parts = splitTemplate(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    const v = Object.hasOwn(vars, k) ? vars[k] : undefined;
    out += (v === undefined ? `{${k}}` : valueIn(v, lang, audience)) + parts[i + 1]!;
  }
  return out;
}

// Pieces without values are the same object every time: a file of 50,000 bad features shares them.
const fixedParts = new Map<PartKey, Localized>();

/** A catalog piece in both languages, to be filled into a problem's template (pieces hold no feature numbers). */
export function part(key: PartKey, vars?: MessageVars): Localized {
  const t = problemMessages[key];
  if (vars === undefined) {
    let fixed = fixedParts.get(key);
    if (fixed === undefined) fixedParts.set(key, (fixed = { vi: t.vi, en: t.en }));
    return fixed;
  }
  return { vi: fillTemplate(t.vi, vars, 'vi', 'ui'), en: fillTemplate(t.en, vars, 'en', 'cli') };
}

/** A value that reads the same in both languages, or a number formatted per language (1.5 / 1,5). */
export function same(text: string): Localized {
  return { vi: text, en: text };
}

export function decimal(n: number, digits: number): Localized {
  const en = n.toFixed(digits);
  return { vi: en.replace('.', ','), en };
}

/** Pieces joined into one localized text. */
export function joined(...pieces: readonly (Localized | string)[]): Localized {
  const pick = (p: Localized | string, l: Lang): string => (typeof p === 'string' ? p : p[l]);
  return { vi: pieces.map((p) => pick(p, 'vi')).join(''), en: pieces.map((p) => pick(p, 'en')).join('') };
}

/** A problem's text: English for the CLIs by default, or the UI's language. */
export function problemText(m: Msg, lang: Lang = 'en', audience: Audience = 'cli'): string {
  return fillTemplate(problemMessages[`problem.${m.code}`][lang], m.params, lang, audience);
}
