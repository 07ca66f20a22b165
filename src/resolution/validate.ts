// The checker of geodata/resolution.json. Same Problem type and one-line messages as the GeoJSON
// checker (src/validation), so `npm run geodata:check` can print both alike: every problem is a
// whole-file problem whose message starts with the JSON path, e.g.
//   targets[0] (growth-rate).actuals[0].confidence: missing; expected "H", "M" or "U"
// Rules: required fields present; bilingual labels non-empty; every number (target values,
// actuals, criteria thresholds, unit and town figures) has a source and a confidence; a null figure
// has a note; dates are real calendar dates at their precision; unit ids exist.
import { fileProblem, type Problem, type Severity } from '../validation/types.ts';
import { previewValue } from '../validation/format.ts';
import { intervalAt, parseAnyDate, parseDay, periodOfDay, periodsOf } from './dates.ts';
import {
  COMPARATORS,
  CONFIDENCES,
  CRITERIA_SUBJECTS,
  MAP_PERIODS,
  MEASURES,
  PRECISIONS,
  RESOLUTION_FORMAT,
  RESOLUTION_VERSION,
  SCOPES,
  type Precision,
} from './types.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const quoteList = (xs: readonly string[]): string => {
  const q = xs.map((x) => JSON.stringify(x));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
};

class Checker {
  readonly problems: Problem[] = [];
  constructor(readonly knownUnitIds: ReadonlySet<string>) {}

  report(path: string, message: string, severity: Severity = 'error'): void {
    this.problems.push(fileProblem(path === '' ? message : `${path}: ${message}`, severity));
  }

  /** The member as an object, or a problem and null. */
  object(path: string, v: unknown): Obj | null {
    if (v === undefined) this.report(path, 'missing; expected an object');
    else if (!isObj(v)) this.report(path, `${previewValue(v)} is not an object`);
    else return v;
    return null;
  }

  array(path: string, v: unknown): unknown[] | null {
    if (v === undefined) this.report(path, 'missing; expected an array');
    else if (!Array.isArray(v)) this.report(path, `${previewValue(v)} is not an array`);
    else return v;
    return null;
  }

  string(path: string, v: unknown): string | null {
    if (isNonEmptyString(v)) return v;
    this.report(path, v === undefined ? 'missing or empty' : `${previewValue(v)} is not a non-empty string`);
    return null;
  }

  optionalString(path: string, v: unknown): void {
    if (v !== undefined && typeof v !== 'string') this.report(path, `${previewValue(v)} is not a string`);
  }

  stringOrNull(path: string, v: unknown): void {
    if (v !== null && !isNonEmptyString(v)) this.report(path, `${previewValue(v)}; expected a non-empty string or null`);
  }

  oneOf<T extends string>(path: string, v: unknown, values: readonly T[]): T | null {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    this.report(path, `${v === undefined ? 'missing' : `${previewValue(v)} is not allowed`}; expected ${quoteList(values)}`);
    return null;
  }

  year(path: string, v: unknown): void {
    if (!(Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2100))
      this.report(path, `${previewValue(v)} is not a year (an integer 1900–2100)`);
  }

  label(path: string, v: unknown): void {
    if (!isObj(v)) {
      this.report(path, v === undefined ? 'missing; expected {"vi": …, "en": …}' : `${previewValue(v)} is not a {vi, en} label`);
      return;
    }
    for (const lang of ['vi', 'en'] as const)
      if (!isNonEmptyString(v[lang])) this.report(`${path}.${lang}`, 'missing or empty');
  }

  confidence(path: string, v: unknown): void {
    if (v === undefined || v === null) this.report(path, `missing; expected ${quoteList(CONFIDENCES)}`);
    else if (!(CONFIDENCES as readonly unknown[]).includes(v))
      this.report(path, `${previewValue(v)} is not a confidence; expected ${quoteList(CONFIDENCES)}`);
  }

  /** A Source; `forWhat` names the number that needs it ("the value 23"). */
  source(path: string, v: unknown, forWhat?: string): void {
    if (v === undefined || v === null) {
      this.report(path, forWhat === undefined ? 'missing' : `missing; ${forWhat} needs a source`);
      return;
    }
    if (!isObj(v)) {
      this.report(path, `${previewValue(v)} is not a source object`);
      return;
    }
    this.string(`${path}.document`, v.document);
    if (v.date === null) {
      if (!isNonEmptyString(v.url) && !isNonEmptyString(v.page))
        this.report(`${path}.date`, 'null (undated) but neither url nor page says where the source is');
    } else if (typeof v.date !== 'string') {
      this.report(`${path}.date`, `${v.date === undefined ? 'missing' : previewValue(v.date)}; expected a date ("2021-09-10", "2022-03", "2022") or null`);
    } else if (parseAnyDate(v.date) === null) {
      this.report(`${path}.date`, `${JSON.stringify(v.date)} is not a real calendar date`);
    }
    if (v.url !== undefined && !(typeof v.url === 'string' && /^https?:\/\/\S+$/.test(v.url)))
      this.report(`${path}.url`, `${previewValue(v.url)} is not an http(s) address`);
    this.optionalString(`${path}.page`, v.page);
    this.optionalString(`${path}.note`, v.note);
  }

  /** A {date, precision} pair; returns the precision when valid. */
  dateSpec(path: string, v: Obj): Precision | null {
    const precision = this.oneOf(`${path}.precision`, v.precision, PRECISIONS);
    if (typeof v.date !== 'string') {
      this.report(`${path}.date`, `${v.date === undefined ? 'missing' : previewValue(v.date)}; expected a date string`);
      return null;
    }
    if (precision === null) return null;
    if (intervalAt(v.date, precision) === null) {
      this.report(`${path}.date`, `${JSON.stringify(v.date)} is not a real calendar date at ${precision} precision`);
      return null;
    }
    return precision;
  }

  datedFact(path: string, v: Obj): void {
    this.dateSpec(path, v);
    this.source(`${path}.source`, v.source, 'the date');
    this.confidence(`${path}.confidence`, v.confidence);
    this.optionalString(`${path}.note`, v.note);
  }

  unitId(path: string, v: unknown): void {
    if (typeof v !== 'string') this.report(path, `${previewValue(v)} is not a unit id`);
    else if (!this.knownUnitIds.has(v)) this.report(path, `${JSON.stringify(v)} is not a unit id of units-2021.geojson`);
  }

  /** Ids of a section: present, non-empty, unique. Returns the display path of each item. */
  itemPaths(section: string, items: readonly unknown[]): string[] {
    const seen = new Map<string, number>();
    return items.map((item, i) => {
      const id = isObj(item) ? item.id : undefined;
      const base = `${section}[${i}]`;
      if (!isObj(item)) return base;
      if (!isNonEmptyString(id)) {
        this.report(`${base}.id`, 'missing or empty');
        return base;
      }
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else this.report(`${base} (${id})`, `duplicate id (also ${section}[${first}])`);
      return `${base} (${id})`;
    });
  }

  // -------------------------------------------------------------------------------------------

  target(path: string, t: Obj): void {
    this.label(`${path}.label`, t.label);
    this.oneOf(`${path}.scope`, t.scope, SCOPES);
    this.string(`${path}.unit`, t.unit);
    this.year(`${path}.year`, t.year);
    this.optionalString(`${path}.note`, t.note);
    const comparator = this.oneOf(`${path}.comparator`, t.comparator, COMPARATORS);

    // The numbers (or deadline) the target sets: they are what the target's source must back.
    let needs: string | undefined;
    if (comparator === 'range') {
      const okMin = isFiniteNumber(t.min);
      const okMax = isFiniteNumber(t.max);
      if (!okMin) this.report(`${path}.min`, `${previewValue(t.min)} is not a finite number`);
      if (!okMax) this.report(`${path}.max`, `${previewValue(t.max)} is not a finite number`);
      if (okMin && okMax && (t.min as number) > (t.max as number)) this.report(path, `min ${t.min} is above max ${t.max}`);
      needs = `the range ${previewValue(t.min)}–${previewValue(t.max)}`;
    } else if (comparator === 'by_date') {
      const d = this.object(`${path}.deadline`, t.deadline);
      if (d !== null) this.dateSpec(`${path}.deadline`, d);
      needs = 'the deadline';
    } else if (comparator !== null) {
      if (t.value === null) {
        if (!isNonEmptyString(t.value_note)) this.report(`${path}.value_note`, 'missing; a null target value needs a note');
      } else if (!isFiniteNumber(t.value)) {
        this.report(`${path}.value`, `${previewValue(t.value)}; expected a finite number or null`);
      } else {
        needs = `the value ${t.value}`;
      }
    }
    this.source(`${path}.source`, t.source, needs);
    this.confidence(`${path}.confidence`, t.confidence);

    if (t.computed !== undefined && t.computed !== 'coverage')
      this.report(`${path}.computed`, `${previewValue(t.computed)} is not allowed; expected "coverage"`);
    const actuals = this.array(`${path}.actuals`, t.actuals);
    if (actuals === null) return;
    actuals.forEach((a, i) => {
      const ap = `${path}.actuals[${i}]`;
      const actual = this.object(ap, a);
      if (actual === null) return;
      if (comparator === 'by_date') {
        if (typeof actual.value !== 'string' || parseDay(actual.value) === null)
          this.report(`${ap}.value`, `${previewValue(actual.value)} is not a real calendar day ("YYYY-MM-DD")`);
      } else if (!isFiniteNumber(actual.value)) {
        this.report(`${ap}.value`, `${previewValue(actual.value)} is not a finite number`);
      }
      this.year(`${ap}.year`, actual.year);
      this.source(`${ap}.source`, actual.source, `the actual ${previewValue(actual.value)}`);
      this.confidence(`${ap}.confidence`, actual.confidence);
      this.optionalString(`${ap}.note`, actual.note);
    });
    if (actuals.length === 0 && t.computed === undefined && !isNonEmptyString(t.gap_note))
      this.report(`${path}.gap_note`, 'missing; a target without actuals needs a gap note');
  }

  milestone(path: string, m: Obj): void {
    this.label(`${path}.label`, m.label);
    for (const key of ['planned', 'actual'] as const) {
      const v = m[key];
      const note = `${key}_note`;
      if (v === null) {
        if (!isNonEmptyString(m[note])) this.report(`${path}.${note}`, `missing; a null ${key} date needs a note`);
      } else {
        const o = this.object(`${path}.${key}`, v);
        if (o !== null) this.datedFact(`${path}.${key}`, o);
      }
    }
    if (m.document === undefined) this.report(`${path}.document`, 'missing; expected a document number or null');
    else this.stringOrNull(`${path}.document`, m.document);
    this.source(`${path}.source`, m.source);
    this.confidence(`${path}.confidence`, m.confidence);
    this.optionalString(`${path}.note`, m.note);
    const period = this.oneOf(`${path}.period`, m.period, MAP_PERIODS);
    const units = this.array(`${path}.units`, m.units);
    units?.forEach((u, i) => this.unitId(`${path}.units[${i}]`, u));

    // The period must be the map period in force on the milestone's date.
    if (period === null) return;
    const dated = isObj(m.actual) ? m.actual : isObj(m.planned) ? m.planned : null;
    if (dated === null || typeof dated.date !== 'string' || typeof dated.precision !== 'string') return;
    if (!(PRECISIONS as readonly string[]).includes(dated.precision)) return;
    const interval = intervalAt(dated.date, dated.precision as Precision);
    if (interval === null) return;
    const periods = periodsOf(interval);
    if (!periods.includes(period))
      this.report(
        `${path}.period`,
        `${JSON.stringify(period)} does not match the date ${dated.date} (map period ${periods.map((p) => JSON.stringify(p)).join(' or ')})`,
      );
  }

  criterion(path: string, c: Obj): void {
    this.label(`${path}.label`, c.label);
    this.oneOf(`${path}.measure`, c.measure, MEASURES);
    const comparator = this.oneOf(`${path}.comparator`, c.comparator, ['gte', 'eq', 'in'] as const);
    if (typeof c.unit !== 'string') this.report(`${path}.unit`, `${previewValue(c.unit)} is not a string`);
    this.string(`${path}.article`, c.article);
    this.optionalString(`${path}.note`, c.note);
    let needs: string | undefined;
    if (c.value === null) {
      if (!isNonEmptyString(c.value_note)) this.report(`${path}.value_note`, 'missing; a null threshold needs a note');
    } else if (comparator === 'gte') {
      if (!isFiniteNumber(c.value)) this.report(`${path}.value`, `${previewValue(c.value)}; expected a finite number or null`);
      else needs = `the threshold ${c.value}`;
    } else if (comparator === 'eq') {
      if (typeof c.value !== 'boolean' && !isFiniteNumber(c.value))
        this.report(`${path}.value`, `${previewValue(c.value)}; expected a boolean, a number or null`);
      else needs = `the threshold ${c.value}`;
    } else if (comparator === 'in') {
      if (!Array.isArray(c.value) || c.value.length === 0 || !c.value.every(isNonEmptyString))
        this.report(`${path}.value`, `${previewValue(c.value)}; expected a non-empty array of strings or null`);
      else needs = 'the threshold';
    }
    this.source(`${path}.source`, c.source, needs);
    this.confidence(`${path}.confidence`, c.confidence);
  }

  criteriaSet(path: string, s: Obj): void {
    this.label(`${path}.label`, s.label);
    this.oneOf(`${path}.applies_to`, s.applies_to, CRITERIA_SUBJECTS);
    this.string(`${path}.law`, s.law);
    this.string(`${path}.article`, s.article);
    this.optionalString(`${path}.note`, s.note);
    const inForce = this.object(`${path}.in_force`, s.in_force);
    if (inForce !== null) {
      const from = typeof inForce.from === 'string' ? parseDay(inForce.from) : null;
      if (from === null) this.report(`${path}.in_force.from`, `${previewValue(inForce.from)} is not a real calendar day ("YYYY-MM-DD")`);
      let to: number | null = null;
      if (inForce.to !== null) {
        to = typeof inForce.to === 'string' ? parseDay(inForce.to) : null;
        if (to === null) this.report(`${path}.in_force.to`, `${previewValue(inForce.to)} is not a real calendar day or null`);
      }
      if (from !== null && to !== null && to < from) this.report(`${path}.in_force`, 'ends before it starts');
    }
    this.source(`${path}.source`, s.source);
    this.confidence(`${path}.confidence`, s.confidence);
    const criteria = this.array(`${path}.criteria`, s.criteria);
    if (criteria === null) return;
    const paths = this.itemPaths(`${path}.criteria`, criteria);
    criteria.forEach((c, i) => {
      const o = this.object(paths[i]!, c);
      if (o !== null) this.criterion(paths[i]!, o);
    });
  }

  /** A Figure: a value with year, source and confidence, or null with a note. */
  figure(path: string, v: unknown, kind: 'number' | 'boolean' | 'string'): void {
    const f = this.object(path, v);
    if (f === null) return;
    if (f.value === null) {
      if (!isNonEmptyString(f.note)) this.report(`${path}.note`, 'missing; a null figure needs a note ("no published figure found" or the reason)');
      if (f.source !== null && f.source !== undefined) this.source(`${path}.source`, f.source);
      if (f.confidence !== null && f.confidence !== undefined) this.confidence(`${path}.confidence`, f.confidence);
      if (f.year !== null && f.year !== undefined) this.year(`${path}.year`, f.year);
      return;
    }
    if (kind === 'number') {
      if (!isFiniteNumber(f.value) || f.value < 0) {
        this.report(`${path}.value`, `${previewValue(f.value)}; expected a finite number ≥ 0 or null`);
        return;
      }
    } else if (kind === 'boolean' ? typeof f.value !== 'boolean' : !isNonEmptyString(f.value)) {
      this.report(`${path}.value`, `${previewValue(f.value)}; expected a ${kind} or null`);
      return;
    }
    const what = `the figure ${previewValue(f.value)}`;
    this.year(`${path}.year`, f.year);
    this.source(`${path}.source`, f.source, what);
    this.confidence(`${path}.confidence`, f.confidence);
    this.optionalString(`${path}.note`, f.note);
  }

  /** Notes are shown on screen, so each is bilingual like a label. */
  notes(path: string, v: unknown): void {
    const a = this.array(path, v);
    a?.forEach((n, i) => this.label(`${path}[${i}]`, n));
  }

  unitFigures(items: unknown[]): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const id = isObj(item) && typeof item.unit_id === 'string' ? item.unit_id : null;
      const path = id === null ? `unit_figures[${i}]` : `unit_figures[${i}] (${id})`;
      const u = this.object(path, item);
      if (u === null) return;
      this.unitId(`${path}.unit_id`, u.unit_id);
      if (id !== null) {
        const first = seen.get(id);
        if (first === undefined) seen.set(id, i);
        else this.report(path, `duplicate unit (also unit_figures[${first}])`);
      }
      this.string(`${path}.name`, u.name);
      this.figure(`${path}.area_km2`, u.area_km2, 'number');
      this.figure(`${path}.population`, u.population, 'number');
      this.figure(`${path}.infrastructure_recognised`, u.infrastructure_recognised, 'boolean');
      this.notes(`${path}.notes`, u.notes);
    });
    for (const id of [...this.knownUnitIds].sort())
      if (!seen.has(id)) this.report('unit_figures', `no entry for unit ${JSON.stringify(id)}`);
  }

  townFigures(v: unknown): void {
    const t = this.object('town_figures', v);
    if (t === null) return;
    for (const k of ['area_km2', 'population', 'commune_units', 'wards'] as const) this.figure(`town_figures.${k}`, t[k], 'number');
    this.figure('town_figures.urban_type', t.urban_type, 'string');
    this.notes('town_figures.notes', t.notes);
  }

  file(json: unknown): void {
    if (!isObj(json)) {
      this.report('', `the file must be a JSON object (got ${previewValue(json)})`);
      return;
    }
    if (json.format !== RESOLUTION_FORMAT)
      this.report('format', `${previewValue(json.format)}; expected ${JSON.stringify(RESOLUTION_FORMAT)}`);
    if (json.version !== RESOLUTION_VERSION)
      this.report('version', `${previewValue(json.version)}; expected ${RESOLUTION_VERSION}`);

    const r = this.object('resolution', json.resolution);
    if (r !== null) {
      this.string('resolution.document', r.document);
      if (typeof r.date !== 'string' || parseDay(r.date) === null)
        this.report('resolution.date', `${previewValue(r.date)} is not a real calendar day ("YYYY-MM-DD")`);
      this.label('resolution.issuer', r.issuer);
      this.label('resolution.title', r.title);
      this.source('resolution.source', r.source);
      this.confidence('resolution.confidence', r.confidence);
    }
    this.label('about', json.about);
    const scale = this.object('confidence_scale', json.confidence_scale);
    if (scale !== null) for (const c of CONFIDENCES) if (!isNonEmptyString(scale[c])) this.report(`confidence_scale.${c}`, 'missing or empty');

    const sections = [
      ['targets', (p: string, o: Obj) => this.target(p, o)],
      ['milestones', (p: string, o: Obj) => this.milestone(p, o)],
      ['criteria', (p: string, o: Obj) => this.criteriaSet(p, o)],
    ] as const;
    for (const [name, check] of sections) {
      const items = this.array(name, json[name]);
      if (items === null) continue;
      const paths = this.itemPaths(name, items);
      items.forEach((item, i) => {
        const o = this.object(paths[i]!, item);
        if (o !== null) check(paths[i]!, o);
      });
    }
    const units = this.array('unit_figures', json.unit_figures);
    if (units !== null) this.unitFigures(units);
    this.townFigures(json.town_figures);
  }
}

// ---------------------------------------------------------------------------------------------
// geodata/source/resolution-places.json: places the resolution names that the map lacks

export const PLACES_FORMAT = 'viet-yen-resolution-places';
export const PLACE_POSITIONS = ['published', 'indicative', 'unknown'] as const;
export const NAMED_BY_RESOLUTION = ['yes', 'generic', 'unverified'] as const;

class PlacesChecker extends Checker {
  place(path: string, p: Obj): void {
    this.label(`${path}.name`, p.name);
    this.string(`${path}.kind`, p.kind);
    const position = this.oneOf(`${path}.position`, p.position, PLACE_POSITIONS);
    this.string(`${path}.position_note`, p.position_note);
    if (p.commune_unit_id !== null) this.unitId(`${path}.commune_unit_id`, p.commune_unit_id);
    if (position === 'unknown') {
      if (p.lon !== null || p.lat !== null) this.report(path, 'position "unknown" but lon/lat are not null');
    } else if (position !== null) {
      if (!isFiniteNumber(p.lon) || p.lon < -180 || p.lon > 180) this.report(`${path}.lon`, `${previewValue(p.lon)} is not a longitude`);
      if (!isFiniteNumber(p.lat) || p.lat < -90 || p.lat > 90) this.report(`${path}.lat`, `${previewValue(p.lat)} is not a latitude`);
      if (position === 'indicative' && p.commune_unit_id === null)
        this.report(`${path}.commune_unit_id`, 'null, but an indicative position must say which commune it stands for');
    }
    this.source(`${path}.source`, p.source, position === 'published' ? 'the position' : undefined);
    this.confidence(`${path}.confidence`, p.confidence);
    if (typeof p.verified !== 'boolean') this.report(`${path}.verified`, `${previewValue(p.verified)} is not a boolean`);
    this.oneOf(`${path}.named_by_resolution`, p.named_by_resolution, NAMED_BY_RESOLUTION);
    if (p.on_map === undefined) this.report(`${path}.on_map`, 'missing; expected a feature id or null');
    else this.stringOrNull(`${path}.on_map`, p.on_map);
    this.string(`${path}.note`, p.note);
  }

  decision(path: string, d: Obj): void {
    if (d.decision === undefined) this.report(`${path}.decision`, 'missing; expected a decision number or null');
    else this.stringOrNull(`${path}.decision`, d.decision);
    this.label(`${path}.issuer`, d.issuer);
    this.label(`${path}.subject`, d.subject);
    this.dateSpec(path, d);
    if (d.area_ha !== null && !(isFiniteNumber(d.area_ha) && d.area_ha > 0))
      this.report(`${path}.area_ha`, `${previewValue(d.area_ha)}; expected a positive number or null`);
    this.source(`${path}.source`, d.source, d.area_ha === null ? 'the date' : `the date and the area ${d.area_ha} ha`);
    this.confidence(`${path}.confidence`, d.confidence);
  }

  placesFile(json: unknown): void {
    if (!isObj(json)) {
      this.report('', `the file must be a JSON object (got ${previewValue(json)})`);
      return;
    }
    if (json.format !== PLACES_FORMAT) this.report('format', `${previewValue(json.format)}; expected ${JSON.stringify(PLACES_FORMAT)}`);
    if (json.version !== 1) this.report('version', `${previewValue(json.version)}; expected 1`);
    this.label('about', json.about);
    const places = this.array('places', json.places);
    if (places !== null) {
      const paths = this.itemPaths('places', places);
      places.forEach((item, i) => {
        const o = this.object(paths[i]!, item);
        if (o !== null) this.place(paths[i]!, o);
      });
    }
    const golf = this.object('golf_course', json.golf_course);
    if (golf === null) return;
    const units = this.array('golf_course.units', golf.units);
    units?.forEach((u, i) => this.unitId(`golf_course.units[${i}]`, u));
    const decisions = this.array('golf_course.decisions', golf.decisions);
    if (decisions === null) return;
    const paths = this.itemPaths('golf_course.decisions', decisions);
    decisions.forEach((item, i) => {
      const o = this.object(paths[i]!, item);
      if (o !== null) this.decision(paths[i]!, o);
    });
  }
}

/** Every problem of geodata/source/resolution-places.json (same conventions as checkResolution). */
export function checkResolutionPlaces(json: unknown, knownUnitIds: ReadonlySet<string>): Problem[] {
  const checker = new PlacesChecker(knownUnitIds);
  try {
    checker.placesFile(json);
  } catch (e) {
    checker.report('', `internal checker error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return checker.problems;
}

/**
 * Every problem of a parsed resolution file. `knownUnitIds`: the unit ids of units-2021.geojson
 * (referenced ids must be among them, and every one of them needs an entry in `unit_figures`).
 * Never throws: an unexpected failure becomes one "internal checker error" problem.
 */
export function checkResolution(json: unknown, knownUnitIds: ReadonlySet<string>): Problem[] {
  const checker = new Checker(knownUnitIds);
  try {
    checker.file(json);
  } catch (e) {
    checker.report('', `internal checker error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return checker.problems;
}

/** The map period of a day date (for the UI: which period a dated milestone belongs to). */
export function periodOfDate(date: string): ReturnType<typeof periodOfDay> | null {
  const day = parseDay(date);
  return day === null ? null : periodOfDay(day);
}
