// Presenter mode: scenes (a saved map view with a title and speaker notes) grouped in a deck.
//
// The app owns the map and the store; the presenter modules only describe what a scene is and ask
// the app, through `PresenterHost`, to read or apply it. The lead implements the host in App:
//
//   interface PresenterHost {
//     captureState(): SceneState                         // camera + visible layers + opacity + selection + period
//     applyState(s: SceneState, opts: { animate }): void // store + camera; animate = false for jumps
//     legendFor(layers, period): LegendBlock[]           // legend of the given layers, current language
//   }
//
// `highlighted` maps to the app's selection (the app selects one feature at a time: the host
// applies the first entry and may ignore the rest). Coverage mode is the catalog layer 'coverage'
// being visible; a valid scene keeps `coverageMode` and `layers.includes('coverage')` in step.
import type { Localized } from '../i18n/types';
import type { Period, Swatch } from '../layers/types';

export type { Localized, Period, Swatch };

export interface Camera {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface Highlight {
  layerId: string;
  id: string;
}

export interface SceneState {
  camera: Camera;
  /** Ids of the visible catalog layers. */
  layers: string[];
  /** Opacity factor per layer, 0..1 (missing = 1). */
  opacity: Record<string, number>;
  highlighted: Highlight[];
  period: Period;
  coverageMode: boolean;
  /** A panel of the Resolution view shown over the map in presenter mode. */
  panel?: ScenePanel;
}

export const SCENE_PANELS = ['targets', 'timeline'] as const;
export type ScenePanel = (typeof SCENE_PANELS)[number];

export interface Scene {
  id: string;
  title: Localized;
  notes: Localized;
  state: SceneState;
}

export const DECK_FORMAT = 'viet-yen-deck';
export const DECK_VERSION = 1;

export interface Deck {
  format: typeof DECK_FORMAT;
  version: typeof DECK_VERSION;
  title: Localized;
  scenes: Scene[];
}

/** One legend group as shown in presenter mode and drawn on exported images (text already localized). */
export interface LegendBlock {
  title: string;
  items: { label: string; swatch: Swatch }[];
}

/** What the app provides to presenter mode. */
export interface PresenterHost {
  /** The state a scene would record, as the app shows it now. */
  captureState(): SceneState;
  /** Show a state: store (layers, opacity, selection, period) and camera. */
  applyState(s: SceneState, opts: { animate: boolean }): void;
  /** Legend of the given layers in a period, in the current language. */
  legendFor(layers: readonly string[], period: Period): LegendBlock[];
}

/** The catalog layer whose visibility is "coverage mode". */
export const COVERAGE_LAYER = 'coverage';
