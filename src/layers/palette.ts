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
} as const;
