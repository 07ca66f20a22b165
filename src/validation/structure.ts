// Structure: the FeatureCollection envelope (checked here, with clearer messages than
// geojson-validation gives for the common mistakes) and each feature (geojson-validation).
import * as gjv from 'geojson-validation';
import { previewValue } from './format.ts';

const MAX_STRUCTURE_MESSAGES = 3;
const MAX_MESSAGE_LENGTH = 160;

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') {
    const type = (v as Record<string, unknown>).type;
    return typeof type === 'string' ? `a ${clip(type, 40)} object` : 'an object without "type"';
  }
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  return previewValue(v);
}

function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The features array of a FeatureCollection, or the one message saying why there is none. */
export function topLevelFeatures(value: unknown): unknown[] | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as Record<string, unknown>).type !== 'FeatureCollection') {
    return `top level is ${kindOf(value)}, expected a FeatureCollection`;
  }
  const features = (value as Record<string, unknown>).features;
  if (!Array.isArray(features)) return `"features" is ${previewValue(features)}, expected an array`;
  if (features.length === 0) return 'has no features (an empty FeatureCollection is not a usable layer)';
  return features;
}

/** geojson-validation's own checks of the FeatureCollection's bbox (it has no other members to check). */
export function collectionBboxProblem(value: Record<string, unknown>): string | null {
  if (!('bbox' in value)) return null;
  return gjv.isBbox(value.bbox) ? null : `invalid bbox: ${previewValue(value.bbox)}`;
}

// rings.ts reports these two with the offending positions; geojson-validation's wording is vaguer.
const REPORTED_ELSEWHERE = ['first and last positions must be equivalent', 'must have at least four positions'];

export function featureStructureProblems(feature: unknown): string[] {
  if (typeof feature !== 'object' || feature === null || Array.isArray(feature)) {
    return [`is ${kindOf(feature)}, expected a Feature object`];
  }
  let messages: string[];
  try {
    messages = gjv.isFeature(feature, true);
  } catch {
    // geojson-validation dereferences ring[0] without checking it exists (empty or null rings) and
    // stringifies offending values (deep nesting overflows the stack). Its verdict is still "invalid".
    return ['invalid GeoJSON: malformed geometry coordinates'];
  }
  const kept = messages.filter((m) => !REPORTED_ELSEWHERE.some((s) => m.includes(s)));
  // RFC 7946 §3.2: "properties" is an object or null; geojson-validation only checks it is there.
  const props = (feature as Record<string, unknown>).properties;
  if (props !== undefined && props !== null && (typeof props !== 'object' || Array.isArray(props))) {
    kept.unshift(`"properties" is ${kindOf(props)}, must be an object or null`);
  }
  const shown = kept.slice(0, MAX_STRUCTURE_MESSAGES).map((m) => `invalid GeoJSON: ${clip(m)}`);
  if (kept.length > MAX_STRUCTURE_MESSAGES) shown.push(`${kept.length - MAX_STRUCTURE_MESSAGES} more structural problems`);
  return shown;
}
