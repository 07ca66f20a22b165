// Drawing and editing proposals on the map with terra-draw and its MapLibre adapter (kept
// libraries: vertex editing, midpoints, dragging and the map's pointer handling are theirs). Loaded
// on first use from the map adapter, which hands over its MapLibre map: only src/map touches it.
// The app's list of proposals is the truth: `sync` makes terra-draw hold exactly those shapes, and
// what the user does is reported once per finished action (a shape drawn, a vertex dragged, a
// shape moved), never per pointer move.
import {
  TerraDraw, TerraDrawPolygonMode, TerraDrawRectangleMode, TerraDrawSelectMode, ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures, type HexColor,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MlMap } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { palette } from '../layers/palette';

export type DrawTool = 'polygon' | 'rectangle' | 'select';

export interface DrawShape {
  id: string;
  geometry: Polygon;
}

export interface DrawCallbacks {
  /** A shape was drawn (its id is terra-draw's, which the app keeps). */
  created(id: string, geometry: Polygon): void;
  /** An edit of a shape finished: a vertex dragged, added or deleted, or the shape moved. */
  changed(id: string, geometry: Polygon): void;
  /** The user deleted a shape on the map (the Delete key). */
  deleted(id: string): void;
  selected(id: string | null): void;
}

export interface DrawHandle {
  setTool(tool: DrawTool): void;
  /** Make terra-draw hold exactly these shapes (added, reshaped or removed where they differ). */
  sync(shapes: readonly DrawShape[]): void;
  /** Select a shape for editing (switches to the select tool), or clear the selection. */
  select(id: string | null): void;
  /**
   * A rectangle a quarter of the visible map wide and high, around its centre (drawing without a
   * pointer); `padding` is what covers the map's edges (the side panel).
   */
  centreRectangle(padding?: Partial<Record<'top' | 'bottom' | 'left' | 'right', number>>): Polygon;
  /** Removes terra-draw's layers and listeners. */
  stop(): void;
}

const COLOR = palette.proposal as HexColor;
const WHITE = '#ffffff' as HexColor;
const SHAPE_MODES = new Set(['polygon', 'rectangle']);
/** terra-draw's own precision (9 decimals): positions from elsewhere are rounded to it to validate. */
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

const shapeStyle = { fillColor: COLOR, fillOpacity: 0.25, outlineColor: COLOR, outlineWidth: 2.5 };
const editFlags = {
  feature: {
    draggable: true,
    validation: (f: GeoJSONStoreFeatures) => ValidateNotSelfIntersecting(f),
    coordinates: { draggable: true, midpoints: true, deletable: true },
  },
};

let counter = 0;
/** Proposal ids: short, unique in this browser, and sortable by when they were drawn. */
export const newShapeId = (): string => `p-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function createDraw(map: MlMap, cb: DrawCallbacks): DrawHandle {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'vy-draw' }),
    idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: newShapeId },
    modes: [
      new TerraDrawPolygonMode({
        styles: { ...shapeStyle, closingPointColor: WHITE, closingPointOutlineColor: COLOR, closingPointWidth: 6, closingPointOutlineWidth: 2 },
        validation: (f) => ValidateNotSelfIntersecting(f),
      }),
      new TerraDrawRectangleMode({ styles: shapeStyle, drawInteraction: 'click-move-or-drag' }),
      new TerraDrawSelectMode({
        flags: { polygon: editFlags, rectangle: editFlags },
        styles: {
          selectedPolygonColor: COLOR, selectedPolygonFillOpacity: 0.4, selectedPolygonOutlineColor: COLOR, selectedPolygonOutlineWidth: 3.5,
          selectionPointColor: WHITE, selectionPointOutlineColor: COLOR, selectionPointWidth: 6, selectionPointOutlineWidth: 2.5,
          midPointColor: COLOR, midPointOutlineColor: WHITE, midPointWidth: 4, midPointOutlineWidth: 1.5,
        },
      }),
    ],
  });
  draw.start();
  draw.setMode('select');

  // Shapes terra-draw holds for the app (its selection and midpoint markers are not among them).
  const shapes = () => draw.getSnapshot().filter((f) => SHAPE_MODES.has(String(f.properties.mode)) && f.geometry.type === 'Polygon' && !f.properties.currentlyDrawing);
  const known = new Set<string>();
  let syncing = false;
  const geometryOf = (id: string | number) => {
    const f = draw.getSnapshotFeature(id);
    return f && f.geometry.type === 'Polygon' ? (f.geometry as Polygon) : null;
  };

  draw.on('finish', (id, ctx) => {
    const g = geometryOf(id);
    if (!g || syncing) return;
    if (ctx.action === 'draw') {
      known.add(String(id));
      cb.created(String(id), g);
    } else cb.changed(String(id), g);
  });
  draw.on('change', (ids, type) => {
    if (type !== 'delete' || syncing) return;
    for (const id of ids) {
      if (!known.delete(String(id))) continue;
      cb.deleted(String(id));
    }
  });
  // The selection as terra-draw reported it last. Noted before the app hears of it, so the app's
  // echo (select(null) while the Delete key's deselect is under way) is a no-op and does not undo
  // terra-draw's own action half-way.
  let current: string | null = null;
  draw.on('select', (id) => {
    current = String(id);
    cb.selected(current);
  });
  draw.on('deselect', () => {
    current = null;
    cb.selected(null);
  });

  return {
    setTool(tool) {
      if (draw.getMode() !== tool) draw.setMode(tool);
    },
    sync(list) {
      syncing = true;
      try {
        const want = new Map(list.map((s) => [s.id, s.geometry]));
        const have = new Map(shapes().map((f) => [String(f.id), f.geometry as Polygon]));
        const gone = [...have.keys()].filter((id) => !want.has(id));
        if (gone.length) {
          if (current !== null && gone.includes(current)) draw.deselectFeature(current);
          draw.removeFeatures(gone);
        }
        for (const [id, g] of want) {
          const geometry: Polygon = { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((p) => [round9(p[0]!), round9(p[1]!)])) };
          const now = have.get(id);
          if (!now) draw.addFeatures([{ id, type: 'Feature', geometry, properties: { mode: 'polygon' } }]);
          else if (JSON.stringify(now.coordinates) !== JSON.stringify(geometry.coordinates)) draw.updateFeatureGeometry(id, geometry);
        }
        known.clear();
        for (const id of want.keys()) known.add(id);
      } finally {
        syncing = false;
      }
    },
    select(id) {
      if (id === current) return;
      if (id === null) return void (current !== null && draw.hasFeature(current) && draw.deselectFeature(current));
      if (draw.hasFeature(id)) draw.selectFeature(id);
    },
    centreRectangle(padding = {}) {
      const c = map.getContainer();
      const [left, right, top, bottom] = [padding.left ?? 0, padding.right ?? 0, padding.top ?? 0, padding.bottom ?? 0];
      const w = Math.max(40, c.clientWidth - left - right);
      const h = Math.max(40, c.clientHeight - top - bottom);
      const [cx, cy] = [left + w / 2, top + h / 2];
      const at = (x: number, y: number) => {
        const ll = map.unproject([x, y]);
        return [round9(ll.lng), round9(ll.lat)];
      };
      const [x0, x1, y0, y1] = [cx - w / 8, cx + w / 8, cy - h / 8, cy + h / 8];
      const sw = at(x0, y1);
      return { type: 'Polygon', coordinates: [[sw, at(x1, y1), at(x1, y0), at(x0, y0), sw]] };
    },
    stop() {
      draw.stop();
    },
  };
}
