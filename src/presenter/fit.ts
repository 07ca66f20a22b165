// Presenter mode on a small screen: a scene's camera was chosen on a large screen, so a phone
// shows what that camera showed there — the scene's extent on a reference screen, kept to the
// district — fitted inside the phone's screen instead of the same zoom (which would cut it off).
export type BBox = [number, number, number, number];

/** The screen scenes are composed for (presenter mode on a laptop or projector). */
export const SCENE_REFERENCE = { width: 1366, height: 768 };

const TILE = 512; // MapLibre's world size at zoom 0, in CSS px

const lngToX = (lng: number, world: number) => ((lng + 180) / 360) * world;
const latToY = (lat: number, world: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
};
const xToLng = (x: number, world: number) => (x / world) * 360 - 180;
const yToLat = (y: number, world: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / world))) * 180) / Math.PI;

/** What a north-up camera shows on a screen of this size (CSS px): [w, s, e, n]. */
export function viewBounds(center: [number, number], zoom: number, width: number, height: number): BBox {
  const world = TILE * 2 ** zoom;
  const cx = lngToX(center[0], world);
  const cy = latToY(center[1], world);
  return [xToLng(cx - width / 2, world), yToLat(cy + height / 2, world), xToLng(cx + width / 2, world), yToLat(cy - height / 2, world)];
}

/** The part of `a` inside `b`, or `a` when they do not meet. */
export function intersectBBox(a: BBox, b: BBox): BBox {
  const r: BBox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[0] < r[2] && r[1] < r[3] ? r : a;
}

/** What a small screen should frame for a scene camera: its reference extent, kept to the district. */
export function sceneFrame(center: [number, number], zoom: number, district: BBox | null): BBox {
  const v = viewBounds(center, zoom, SCENE_REFERENCE.width, SCENE_REFERENCE.height);
  return district ? intersectBBox(v, district) : v;
}
