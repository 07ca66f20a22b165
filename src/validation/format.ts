// Turning problems and values into the checker's one-line messages.
import type { Problem } from './types.ts';
import { part, type MessageValue } from './messages.ts';

const MAX_TEXT = 60;

function clip(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Short, single-line rendering of any value for a message ("done", 12, an object, …). */
export function previewValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** previewValue in both languages: its words ("missing", "an array") from the catalog, literals as they are. */
export function previewMessageValue(value: unknown): MessageValue {
  if (value === undefined) return part('problemPart.missing');
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return previewValue(value);
  if (Array.isArray(value)) return part(value.length === 0 ? 'problemPart.emptyArray' : 'problemPart.anArray');
  if (typeof value === 'object') return part('problemPart.anObject');
  return part('problemPart.aType', { type: typeof value });
}

/** A coordinate for a message; `digits` rounds (kinks), undefined keeps full precision (ring closure). */
export function formatPosition(position: readonly number[], digits?: number): string {
  const show = (n: number): string =>
    digits === undefined || !Number.isFinite(n) ? String(n) : String(Number(n.toFixed(digits)));
  return `[${position.map(show).join(', ')}]`;
}

/** Ids and file names go into one output line: no control characters, bounded length. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return clip(text.replace(/[\u0000-\u001f\u007f]/g, '?'), 80);
}

/** `FILE: feature N (id X): message`, or `FILE: message` for problems of the whole file. */
export function formatProblem(file: string, p: Problem): string {
  const level = p.severity === 'warning' ? 'warning: ' : '';
  // One problem, one line: a multi-line message would break grep-ability of the output.
  const message = p.message.replace(/\s*[\r\n]+\s*/g, ' ');
  if (p.featureIndex === null) return `${file}: ${level}${message}`;
  const id = p.featureId === null ? '' : ` (id ${oneLine(p.featureId)})`;
  return `${file}: feature ${p.featureIndex}${id}: ${level}${message}`;
}

/**
 * The problems of one file as output lines, at most `max` of them (errors first, then warnings,
 * each in file order), and one last line counting the rest, so that a file of 50,000 broken
 * features prints a readable page instead of 150,000 lines.
 */
export function problemLines(file: string, problems: readonly Problem[], max: number): string[] {
  if (problems.length <= max) return problems.map((p) => formatProblem(file, p));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  const ordered = [...errors, ...warnings];
  const shown = ordered.slice(0, max);
  const rest = problems.length - shown.length;
  const features = new Set(ordered.slice(max).filter((p) => p.featureIndex !== null).map((p) => p.featureIndex)).size;
  const where = features > 0 ? ` in ${features} feature${features === 1 ? '' : 's'}` : '';
  return [...shown.map((p) => formatProblem(file, p)), `${file}: … and ${rest} more problem${rest === 1 ? '' : 's'}${where} not listed`];
}
