/** Name of the one layer in the vector tiles of large imported layers. */
export const TILE_LAYER = 'features';
