// Colours shared by map paint and legend swatches: one definition, so they cannot drift apart.
//
// One meaning per colour (issue 14). Each hue family belongs to one meaning, in every period and
// every layer group, and no two meanings that can be on the map together (in any period) are closer
// than ΔE 15 (CIE76) — tests/unit/palette.test.ts checks the whole catalog, and that legends stay
// distinguishable under colour-vision deficiencies:
//   orange / light blue   the 9 units that became wards in 2024 / the 8 that stayed communes
//                         (the same 17 units in 2021 and 2024: the colour follows the unit's fate)
//   four pastels          the four wards of 2025 (yellow, teal, rose, sand), dark blue boundary
//   purple                industrial zones and clusters
//   magenta / dark teal   detailed / zoning plans
//   red–blue ramp         detailed-plan coverage (grey: units the target does not apply to)
//   brown, red, mustard   transport (expressway, national road, provincial road, facilities),
//                         blue for the Cầu river, grey dashes for the railway
//   greens, brown dot     tourism and heritage (craft villages brown)
//   cyan                  the selected feature
//   electric violet       the user's proposals (what-if plans drawn on the map), over everything
//   bright yellow         gaps to the coverage target (parts of a unit no counting plan covers)
export const palette = {
  background: '#f3f1ea',
  slatedFill: '#f6b26b',
  otherFill: '#b9d3e8',
  unitOutline: '#ffffff',
  wardOutline: '#1d4e89',
  districtOutline: '#222222',
  /** Former 2021 boundaries drawn over the 2025 wards (dashed). */
  absorbedOutline: '#7a7a7a',
  labelText: '#1d1d1d',
  labelHalo: '#ffffff',
  selection: '#00a3e0',
  preview: '#ff00ff',
  phuong2024: '#f6b26b',
  xa2024: '#b9d3e8',
  industryOperating: '#7b3294',
  industryExpanding: '#c2a5cf',
  industryPlanned: '#e7d4e8',
  river: '#3a7bd5',
  expressway: '#8c2d04',
  nationalRoad: '#d7301f',
  provincialRoad: '#e6ab02',
  roadCasing: '#ffffff',
  railway: '#555555',
  /** Transport and logistics facilities and sites (the expressway's brown: one meaning, transport). */
  plannedInfra: '#8c2d04',
  heritage: '#1b7837',
  quanHo: '#5aae61',
  craft: '#8c510a',
  tourismArea: '#1b7837',
  golf: '#a6dba0',
  planDetailed: '#d01c8b',
  planZoning: '#01665e',
  /** The user's proposals: a hue no other meaning comes near (ΔE ≥ 40), drawn over the coverage map too. */
  proposal: '#651fff',
  /** Gaps to the coverage target (issue 16): bright yellow over the red–blue coverage ramp. */
  gap: '#ffff00',
} as const;

/**
 * Coverage classes 0..4 (4 = above target): ColorBrewer RdBu, diverging at the target, which stays
 * readable under red-green colour-vision deficiencies (the red/blue axis is preserved). The top
 * class is a darker blue than RdBu's so it stays apart from the river.
 */
export const coverageRamp = ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#08306b'] as const;
/** Units the coverage target does not apply to (the 8 that did not become wards): neutral grey. */
export const coverageOther = '#bdbdbd';
export const countingPlanOutline = '#111111';

/** The four wards of 2025, by code: four pastels (yellow, teal, rose, sand) no other meaning uses. */
export const wardColors: Record<string, string> = {
  '07774': '#f3e79b', // Tự Lạn
  '07777': '#b0ddcb', // Việt Yên
  '07795': '#ea9aa7', // Nếnh
  '07798': '#d7c9ac', // Vân Hà
};
