// Label fonts for MapLibre's `font-faces`: Noto Sans subsets bundled with the app (latin,
// latin-ext, vietnamese), so Vietnamese labels render with no glyph server and no internet.
import type { StyleSpecification } from 'maplibre-gl';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import vietnamese from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';

// unicode-range values copied from @fontsource/noto-sans/400.css, split into single entries.
const ranges = (s: string): string[] => s.split(',');

export function labelFontFaces(base: string): NonNullable<StyleSpecification['font-faces']> {
  // Style URLs must be absolute.
  const abs = (u: string) => new URL(u, base).href;
  return {
    'Noto Sans Regular': [
      { url: abs(vietnamese), 'unicode-range': ranges('U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB') },
      { url: abs(latinExt), 'unicode-range': ranges('U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF') },
      { url: abs(latin), 'unicode-range': ranges('U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD') },
    ],
  };
}
