// The Protomaps basemap style for a local .pmtiles file, in its own module: @protomaps/basemaps is
// loaded only when a user opens such a file (it is a third of the page's start-up JS otherwise).
import type { LayerSpecification } from 'maplibre-gl';
import { layers as protomapsLayers, namedFlavor, type Flavor } from '@protomaps/basemaps';
import { BASEMAP_LAYER_PREFIX } from './basemap-style';
import { LABEL_FONT } from '../layers/entries/shared';

/** The layers of a Protomaps basemap with the app's fonts and no sprite icons. */
export function localBasemapLayers(source: string, lang: 'vi' | 'en'): LayerSpecification[] {
  const flavor: Flavor = { ...namedFlavor('light'), regular: LABEL_FONT[0], bold: LABEL_FONT[0], italic: LABEL_FONT[0] };
  delete flavor.pois; // POI icons come from a sprite server
  const raw = protomapsLayers(source, flavor, { lang }) as unknown as LayerSpecification[];
  // Any other face the style names (scripts the app does not bundle) falls back to the bundled one.
  const json = JSON.stringify(raw).replace(/"Noto Sans [^"]*"/g, JSON.stringify(LABEL_FONT[0]));
  return (JSON.parse(json) as LayerSpecification[])
    .filter((l) => l.type !== 'background')
    .map((l) => {
      const layout = { ...((l as { layout?: Record<string, unknown> }).layout ?? {}) };
      delete layout['icon-image'];
      return { ...l, id: `${BASEMAP_LAYER_PREFIX}${l.id}`, ...(Object.keys(layout).length ? { layout } : {}) } as LayerSpecification;
    });
}

