// Colours shared by map paint and legend swatches: one definition, so they cannot drift apart.
// Chosen to stay distinguishable under deuteranopia/protanopia (orange vs blue, dark outlines).
export const palette = {
  background: '#f3f1ea',
  slatedFill: '#f6b26b',
  otherFill: '#b9d3e8',
  unitOutline: '#ffffff',
  wardOutline: '#5b2a86',
  districtOutline: '#222222',
  labelText: '#1d1d1d',
  labelHalo: '#ffffff',
  selection: '#00a3e0',
  preview: '#e7298a',
  phuong2024: '#f6b26b',
  xa2024: '#b9d3e8',
  industryOperating: '#7b3294',
  industryExpanding: '#c2a5cf',
  industryPlanned: '#e7d4e8',
  river: '#3a7bd5',
  expressway: '#c51b7d',
  nationalRoad: '#e66101',
  provincialRoad: '#f1a340',
  roadCasing: '#ffffff',
  railway: '#333333',
  plannedInfra: '#e66101',
  heritage: '#1b7837',
  quanHo: '#5aae61',
  craft: '#8c510a',
  tourismArea: '#1b7837',
  golf: '#a6dba0',
  planDetailed: '#d01c8b',
  planZoning: '#4d4d4d',
} as const;

/**
 * Coverage classes 0..4 (4 = above target): ColorBrewer RdBu, diverging at the target, which stays
 * readable under red-green colour-vision deficiencies (the red/blue axis is preserved).
 */
export const coverageRamp = ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#2166ac'] as const;
export const countingPlanOutline = '#111111';

/** The four wards of 2025, by code: distinct hues that stay apart under colour-vision deficiencies (Okabe–Ito, lightened). */
export const wardColors: Record<string, string> = {
  '07774': '#f3c98b', // Tự Lạn
  '07777': '#a7cbe8', // Việt Yên
  '07795': '#d4a6c8', // Nếnh
  '07798': '#b5dcc2', // Vân Hà
};
