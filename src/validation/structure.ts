// Structure: the FeatureCollection envelope (checked here, with clearer messages than
// geojson-validation gives for the common mistakes) and each feature (geojson-validation).
import * as gjv from 'geojson-validation';
import type { Localized } from '../i18n/types.ts';
import { previewMessageValue } from './format.ts';
import { msg, part, type MessageValue, type Msg, type PartKey } from './messages.ts';

const MAX_STRUCTURE_MESSAGES = 3;
const MAX_MESSAGE_LENGTH = 160;

function kindOf(v: unknown): MessageValue {
  if (Array.isArray(v)) return part('problemPart.anArray');
  if (v === null) return 'null';
  if (typeof v === 'object') {
    const type = (v as Record<string, unknown>).type;
    return typeof type === 'string' ? part('problemPart.typedObject', { type: clip(type, 40) }) : part('problemPart.untypedObject');
  }
  if (typeof v === 'string') return part('problemPart.aString');
  if (typeof v === 'number') return part('problemPart.aNumber');
  return previewMessageValue(v);
}

function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// geojson-validation's messages (English only), recognised so that the UI can show them translated;
// one it does not know reads in English in both languages.
const GJV_MESSAGES: readonly (readonly [RegExp, PartKey, readonly string[]])[] = [
  [/^must have a member with the name (.+)$/, 'problemPart.gjvMember', ['name']],
  [/^type must be one of: (.+)$/, 'problemPart.gjvTypeOneOf', ['types']],
  [/^type must be (".+")$/, 'problemPart.gjvTypeIs', ['type']],
  [/^(.+) must be an array$/, 'problemPart.gjvArray', ['name']],
  [/^coordinates must have at least two elements$/, 'problemPart.gjvTwoElements', []],
  [/^Position must be at least two elements$/, 'problemPart.gjvPositionTwo', []],
  [/^Position must only contain numbers\. Item (.*) at index (\d+) is invalid\.$/, 'problemPart.gjvPositionNumbers', ['item', 'index']],
  [/^must be a JSON Object$/, 'problemPart.gjvJsonObject', []],
  [/^bbox, must be a 2\*n array$/, 'problemPart.gjvBbox', []],
];

function gjvMessage(text: string): Localized {
  let rest = text;
  let where = '';
  // Nested positions are prefixed "at 0: at 1: …".
  for (let at = /^at (\d+): /.exec(rest); at !== null; at = /^at (\d+): /.exec(rest)) {
    where += part('problemPart.gjvAt', { i: at[1]! }).vi;
    rest = rest.slice(at[0].length);
  }
  for (const [re, key, names] of GJV_MESSAGES) {
    const m = re.exec(rest);
    if (m === null) continue;
    const vars = Object.fromEntries(names.map((name, i) => [name, m[i + 1]!]));
    return { vi: where + part(key, vars).vi, en: text };
  }
  return { vi: text, en: text };
}

/** The features array of a FeatureCollection, or the one message saying why there is none. */
export function topLevelFeatures(value: unknown): unknown[] | Msg {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as Record<string, unknown>).type !== 'FeatureCollection') {
    return msg('topLevel', { kind: kindOf(value) });
  }
  const features = (value as Record<string, unknown>).features;
  if (!Array.isArray(features)) return msg('featuresNotArray', { value: previewMessageValue(features) });
  if (features.length === 0) return msg('noFeatures');
  return features;
}

/** geojson-validation's own checks of the FeatureCollection's bbox (it has no other members to check). */
export function collectionBboxProblem(value: Record<string, unknown>): Msg | null {
  if (!('bbox' in value)) return null;
  return gjv.isBbox(value.bbox) ? null : msg('bbox', { value: previewMessageValue(value.bbox) });
}

// rings.ts reports these two with the offending positions; geojson-validation's wording is vaguer.
const REPORTED_ELSEWHERE = ['first and last positions must be equivalent', 'must have at least four positions'];

export function featureStructureProblems(feature: unknown): Msg[] {
  if (typeof feature !== 'object' || feature === null || Array.isArray(feature)) {
    return [msg('notFeature', { kind: kindOf(feature) })];
  }
  let messages: string[];
  try {
    messages = gjv.isFeature(feature, true);
  } catch {
    // geojson-validation dereferences ring[0] without checking it exists (empty or null rings) and
    // stringifies offending values (deep nesting overflows the stack). Its verdict is still "invalid".
    return [msg('malformedCoordinates')];
  }
  const kept: Msg[] = messages
    .filter((m) => !REPORTED_ELSEWHERE.some((s) => m.includes(s)))
    .map((m) => msg('invalidGeoJson', { detail: gjvMessage(clip(m)) }));
  // RFC 7946 §3.2: "properties" is an object or null; geojson-validation only checks it is there.
  const props = (feature as Record<string, unknown>).properties;
  if (props !== undefined && props !== null && (typeof props !== 'object' || Array.isArray(props))) {
    kept.unshift(msg('propertiesType', { kind: kindOf(props) }));
  }
  const shown = kept.slice(0, MAX_STRUCTURE_MESSAGES);
  if (kept.length > MAX_STRUCTURE_MESSAGES) shown.push(msg('moreStructural', { n: kept.length - MAX_STRUCTURE_MESSAGES }));
  return shown;
}
