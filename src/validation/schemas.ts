// Required properties and allowed geometry types per project layer (issue 3). Each rule returns a
// specific message so a data editor can fix the file without opening the checker's source.
import type { LayerKind } from './types.ts';
import { previewValue } from './format.ts';
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

/** What is wrong with one value, phrased as "expected …", or null when it is fine. */
function ruleError(v: unknown, rule: Rule): string | null {
  switch (rule.t) {
    case 'string':
      return typeof v === 'string' ? null : 'expected a string';
    case 'nonEmptyString':
      return typeof v === 'string' && v.trim() !== '' ? null : 'expected a non-empty string';
    case 'number':
      if (rule.nullable && v === null) return null;
      return typeof v === 'number' && Number.isFinite(v)
        ? null
        : `expected a finite number${rule.nullable ? ' or null' : ''}`;
    case 'boolean':
      return typeof v === 'boolean' ? null : 'expected true or false';
    case 'enum':
      return typeof v === 'string' && rule.values.includes(v)
        ? null
        : `expected one of ${rule.values.map((s) => JSON.stringify(s)).join(', ')}`;
    case 'code5':
      return isCode5(v) ? null : 'expected a 5-digit code string';
    case 'stringArray':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'expected an array of strings';
    case 'code5Array':
      return Array.isArray(v) && v.every(isCode5) ? null : 'expected an array of 5-digit code strings';
    case 'stringOrNull':
      return v === null || typeof v === 'string' ? null : 'expected a string or null';
    case 'dateOrNull':
      return v === null || (typeof v === 'string' && isIsoDate(v)) ? null : 'expected a date YYYY-MM-DD or null';
    case 'planLevel':
      return v === null || parseLevel(v) !== null ? null : `not a plan level the register vocabulary knows (${PLAN_LEVELS.join(', ')}, or "1/500", "QHCT", "phân khu"…); this plan does not count`;
    case 'planStatus':
      return v === null || parseStatus(v) !== null ? null : `not a plan status the register vocabulary knows (${PLAN_STATUSES.join(', ')}, or "đã phê duyệt", "đang lập"…); this plan does not count`;
    case 'codeAndName': {
      const o = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
      return o && typeof o.code === 'string' && typeof o.name === 'string'
        ? null
        : 'expected an object with string "code" and "name"';
    }
  }
}

export function propertyProblems(properties: unknown, schema: LayerSchema): string[] {
  return propertyVerdict(properties, schema).errors;
}

/** What is wrong with a feature's properties: errors, and warnings for the rules marked warnOnly. */
export function propertyVerdict(properties: unknown, schema: LayerSchema): { errors: string[]; warnings: string[] } {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    return { errors: [`properties is ${previewValue(properties)}, expected an object with the layer's properties`], warnings: [] };
  }
  const props = properties as Record<string, unknown>;
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { name, rule, optional, warnOnly } of schema.properties) {
    if (!Object.hasOwn(props, name)) {
      if (!optional) errors.push(`missing required property "${name}"`);
      continue;
    }
    const err = ruleError(props[name], rule);
    if (err !== null) (warnOnly ? warnings : errors).push(`property "${name}" is ${previewValue(props[name])}, ${err}`);
  }
  return { errors, warnings };
}

export function geometryTypeProblem(geometry: unknown, schema: LayerSchema, kind: LayerKind): string | null {
  const wanted = schema.geometryTypes === null ? 'a geometry' : schema.geometryTypes.join(' or ');
  if (geometry === null || geometry === undefined) return `geometry is ${previewValue(geometry)}; layer "${kind}" needs ${wanted}`;
  const type = typeof geometry === 'object' ? (geometry as Record<string, unknown>).type : undefined;
  if (schema.geometryTypes === null || (typeof type === 'string' && schema.geometryTypes.includes(type))) return null;
  return `geometry type ${previewValue(type)} is not allowed in layer "${kind}" (expected ${wanted})`;
}
