// Required properties and allowed geometry types per project layer (issue 3). Each rule returns a
// specific message so a data editor can fix the file without opening the checker's source.
import type { LayerKind } from './types.ts';
import type { Localized } from '../i18n/types.ts';
import { previewMessageValue } from './format.ts';
import { joined, msg, part, type Msg } from './messages.ts';
import { PLAN_LEVELS, PLAN_STATUSES, parseLevel, parseStatus } from '../plans/vocabulary.ts';

type Rule =
  | { t: 'string' }
  | { t: 'nonEmptyString' }
  | { t: 'number'; nullable: boolean }
  | { t: 'boolean' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'code5' }
  | { t: 'stringArray' }
  | { t: 'code5Array' }
  | { t: 'stringOrNull' }
  | { t: 'dateOrNull' }
  | { t: 'codeAndName' }
  /** A plan level / status in the planners' words (src/plans/vocabulary.ts); null = the default. */
  | { t: 'planLevel' }
  | { t: 'planStatus' };

interface PropertySpec {
  name: string;
  rule: Rule;
  optional?: boolean;
  /** A value that breaks the rule is a warning (the feature is kept), not an error. */
  warnOnly?: boolean;
}

export interface LayerSchema {
  properties: readonly PropertySpec[];
  /** null = any geometry type (but not a null geometry). */
  geometryTypes: readonly string[] | null;
  /** Whether features must lie within the district (extent.ts). */
  withinDistrict: boolean;
}

const str: Rule = { t: 'string' };
const num: Rule = { t: 'number', nullable: false };
const numOrNull: Rule = { t: 'number', nullable: true };
const oneOf = (...values: string[]): Rule => ({ t: 'enum', values });
const AREAL = ['Polygon', 'MultiPolygon'] as const;

// Every feature of every project layer carries these (provenance drives the map's hatching).
const COMMON: readonly PropertySpec[] = [
  { name: 'id', rule: str },
  { name: 'geometry_source', rule: { t: 'nonEmptyString' } },
  { name: 'provenance', rule: oneOf('official', 'indicative', 'demonstration') },
];

function layer(properties: PropertySpec[], geometryTypes: readonly string[] | null): LayerSchema {
  return { properties: [...COMMON, ...properties], geometryTypes, withinDistrict: true };
}

export const SCHEMAS: Readonly<Record<Exclude<LayerKind, 'generic'>, LayerSchema>> = {
  units: layer(
    [
      { name: 'code', rule: { t: 'code5' } },
      { name: 'name', rule: str },
      { name: 'type_2021', rule: oneOf('Thị trấn', 'Xã') },
      { name: 'slated_ward', rule: { t: 'boolean' } },
      { name: 'type_2024', rule: oneOf('Phường', 'Xã') },
      { name: 'ward_2025', rule: { t: 'codeAndName' } },
      { name: 'official_area_km2', rule: numOrNull },
      { name: 'population_2022', rule: numOrNull },
    ],
    AREAL,
  ),
  wards: layer(
    [
      { name: 'code', rule: str },
      { name: 'name', rule: str },
      { name: 'official_area_km2', rule: num },
      { name: 'population', rule: num },
      { name: 'units_2021', rule: { t: 'stringArray' } },
    ],
    AREAL,
  ),
  // The district is the reference outline itself: testing it against itself is pointless.
  district: { ...layer([{ name: 'name', rule: str }], AREAL), withinDistrict: false },
  industry: layer(
    [
      { name: 'name', rule: str },
      { name: 'kind', rule: oneOf('KCN', 'CCN') },
      { name: 'area_ha', rule: numOrNull },
      { name: 'host_units', rule: { t: 'code5Array' } },
      { name: 'status', rule: oneOf('operating', 'expanding', 'planned') },
      { name: 'geometry', rule: oneOf('official', 'indicative') },
    ],
    AREAL,
  ),
  infrastructure: layer(
    [
      { name: 'name', rule: str },
      { name: 'kind', rule: str },
      { name: 'status', rule: oneOf('existing', 'planned') },
    ],
    null,
  ),
  tourism: layer(
    [
      { name: 'name', rule: str },
      { name: 'kind', rule: str },
      { name: 'description', rule: str },
      { name: 'heritage_rank', rule: { t: 'stringOrNull' }, optional: true },
    ],
    null,
  ),
  plans: layer(
    [
      { name: 'name', rule: str },
      // One rule for what a register is (shared with the engine): no level/status = an approved
      // detailed plan; a value the vocabulary does not know is reported, and the plan does not count.
      { name: 'level', rule: { t: 'planLevel' }, optional: true, warnOnly: true },
      { name: 'status', rule: { t: 'planStatus' }, optional: true, warnOnly: true },
      { name: 'decision', rule: { t: 'stringOrNull' } },
      { name: 'approved_on', rule: { t: 'dateOrNull' } },
      { name: 'demo', rule: { t: 'boolean' } },
    ],
    AREAL,
  ),
};

export function schemaFor(kind: LayerKind): LayerSchema | null {
  return kind === 'generic' ? null : SCHEMAS[kind];
}

const isCode5 = (v: unknown): boolean => typeof v === 'string' && /^\d{5}$/.test(v);

function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Round-tripping rejects 2024-02-30 and month 13, which the pattern alone accepts.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** What is wrong with one value, phrased as "expected …" (in both languages), or null when it is fine. */
function ruleError(v: unknown, rule: Rule): Localized | null {
  switch (rule.t) {
    case 'string':
      return typeof v === 'string' ? null : part('problemPart.expectString');
    case 'nonEmptyString':
      return typeof v === 'string' && v.trim() !== '' ? null : part('problemPart.expectNonEmpty');
    case 'number':
      if (rule.nullable && v === null) return null;
      return typeof v === 'number' && Number.isFinite(v)
        ? null
        : part(rule.nullable ? 'problemPart.expectNumberOrNull' : 'problemPart.expectNumber');
    case 'boolean':
      return typeof v === 'boolean' ? null : part('problemPart.expectBoolean');
    case 'enum':
      return typeof v === 'string' && rule.values.includes(v)
        ? null
        : part('problemPart.expectOneOf', { values: rule.values.map((s) => JSON.stringify(s)).join(', ') });
    case 'code5':
      return isCode5(v) ? null : part('problemPart.expectCode5');
    case 'stringArray':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : part('problemPart.expectStringArray');
    case 'code5Array':
      return Array.isArray(v) && v.every(isCode5) ? null : part('problemPart.expectCode5Array');
    case 'stringOrNull':
      return v === null || typeof v === 'string' ? null : part('problemPart.expectStringOrNull');
    case 'dateOrNull':
      return v === null || (typeof v === 'string' && isIsoDate(v)) ? null : part('problemPart.expectDateOrNull');
    case 'planLevel':
      return v === null || parseLevel(v) !== null ? null : part('problemPart.planLevel', { levels: PLAN_LEVELS.join(', ') });
    case 'planStatus':
      return v === null || parseStatus(v) !== null ? null : part('problemPart.planStatus', { statuses: PLAN_STATUSES.join(', ') });
    case 'codeAndName': {
      const o = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
      return o && typeof o.code === 'string' && typeof o.name === 'string'
        ? null
        : part('problemPart.expectCodeAndName');
    }
  }
}

export function propertyProblems(properties: unknown, schema: LayerSchema): Msg[] {
  return propertyVerdict(properties, schema).errors;
}

/** What is wrong with a feature's properties: errors, and warnings for the rules marked warnOnly. */
export function propertyVerdict(properties: unknown, schema: LayerSchema): { errors: Msg[]; warnings: Msg[] } {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    return { errors: [msg('propertiesNotObject', { value: previewMessageValue(properties) })], warnings: [] };
  }
  const props = properties as Record<string, unknown>;
  const errors: Msg[] = [];
  const warnings: Msg[] = [];
  for (const { name, rule, optional, warnOnly } of schema.properties) {
    if (!Object.hasOwn(props, name)) {
      if (!optional) errors.push(msg('missingProperty', { name }));
      continue;
    }
    const expected = ruleError(props[name], rule);
    if (expected !== null) (warnOnly ? warnings : errors).push(msg('propertyValue', { name, value: previewMessageValue(props[name]), expected }));
  }
  return { errors, warnings };
}

/** "Polygon or MultiPolygon", or "a geometry", in both languages. */
function wantedOf(schema: LayerSchema): Localized {
  return schema.geometryTypes === null
    ? part('problemPart.aGeometry')
    : joined(...schema.geometryTypes.flatMap((t, i) => (i === 0 ? [t] : [' ', part('problemPart.or'), ' ', t])));
}

export function geometryTypeProblem(geometry: unknown, schema: LayerSchema, kind: LayerKind): Msg | null {
  if (geometry === null || geometry === undefined) {
    return msg('geometryMissing', { value: previewMessageValue(geometry), layer: kind, wanted: wantedOf(schema) });
  }
  const type = typeof geometry === 'object' ? (geometry as Record<string, unknown>).type : undefined;
  if (schema.geometryTypes === null || (typeof type === 'string' && schema.geometryTypes.includes(type))) return null;
  return msg('geometryType', { type: previewMessageValue(type), layer: kind, wanted: wantedOf(schema) });
}
