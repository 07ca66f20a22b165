// The 2024 resolution turned exactly nine 2021 units into wards; the explorer's "slated" styling and
// the ward counts assume that number, so the project's units file must say so.
export const SLATED_WARDS = 9;

export function slatedCountProblem(properties: readonly unknown[], expected = SLATED_WARDS): string | null {
  const n = properties.filter(
    (p) => typeof p === 'object' && p !== null && (p as Record<string, unknown>).slated_ward === true,
  ).length;
  return n === expected ? null : `${n} unit${n === 1 ? ' has' : 's have'} slated_ward true; expected exactly ${expected}`;
}
