// The 2024 resolution turned exactly nine 2021 units into wards; the explorer's "slated" styling and
// the ward counts assume that number, so the project's units file must say so.
import { msg, part, type Msg } from './messages.ts';

export const SLATED_WARDS = 9;

export function slatedCountProblem(properties: readonly unknown[], expected = SLATED_WARDS): Msg | null {
  const n = properties.filter(
    (p) => typeof p === 'object' && p !== null && (p as Record<string, unknown>).slated_ward === true,
  ).length;
  return n === expected ? null : msg('slated', { n, units: part(n === 1 ? 'problemPart.unitHas' : 'problemPart.unitsHave'), expected });
}
