// The gaps to the target as the app uses them: asked of the coverage worker (which computes them
// from its cached cell unions) whenever the live result changes while someone looks at them — the
// gap layer is on or the coverage tab is open. Latest request wins, as for coverage itself.
import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CoverageClient } from '../coverage/client';
import type { CoverageResult, GapPieceProperties, GapsResult } from '../coverage/types';

export interface Gaps {
  gaps: Accessor<GapsResult | null>;
  busy: Accessor<boolean>;
  error: Accessor<string | null>;
  /** The map layer's data (empty while nothing is known). */
  layer: Accessor<FeatureCollection>;
  /** The largest pieces over all units, largest first. */
  largest: Accessor<Feature<Polygon | MultiPolygon, GapPieceProperties>[]>;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function createGaps(d: {
  client: Pick<CoverageClient, 'gaps'>;
  /** The live engine's result (null while none, or while a result from a file is shown). */
  result: Accessor<CoverageResult | null>;
  wanted: Accessor<boolean>;
  /** How many pieces the list shows. */
  listed?: number;
}): Gaps {
  const [gaps, setGaps] = createSignal<GapsResult | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let latest = 0;
  createEffect(
    on([d.result, d.wanted], ([result, wanted]) => {
      if (!result) {
        ++latest;
        setGaps(null);
        setBusy(false);
        return;
      }
      if (!wanted) return;
      const ticket = ++latest;
      setBusy(true);
      d.client.gaps().then(
        (r) => {
          if (ticket !== latest) return;
          setGaps(r.gaps);
          setError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (ticket !== latest) return;
          setError(e instanceof Error ? e.message : String(e));
          setBusy(false);
        },
      );
    }),
  );
  const largest = createMemo(() =>
    [...(gaps()?.pieces.features ?? [])].sort((a, b) => b.properties.area_m2 - a.properties.area_m2).slice(0, d.listed ?? 10));
  return { gaps, busy, error, layer: () => (gaps()?.pieces as FeatureCollection | undefined) ?? EMPTY, largest };
}
