// Planning ahead (issue 16) as the app wires it: the gaps to the target (the worker computes them
// from its cached cell unions), zoom to a gap piece, the gap files, and coverage over time.
import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { PaddingOptions } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CoverageClient } from '../coverage/client';
import type { CoverageOptions, GapPieceProperties } from '../coverage/types';
import { PROPOSAL_FLAG } from '../proposals/types';
import type { BBox, MapHandle } from '../map/adapter';
import { extent } from '../geo/extent';
import { downloadBlob, downloadText } from '../ui/download';
import { createGaps } from './gaps';
import { createTimeline } from './timeline';
import type { Coverage } from './coverage';

export function createPlanningAhead(d: {
  client: Pick<CoverageClient, 'gaps' | 'timeline'>;
  coverage: Coverage;
  map: Accessor<MapHandle | undefined>;
  padding: () => PaddingOptions;
  /** The coverage tab is open (its gap table and chart are on screen). */
  looking: Accessor<boolean>;
  /** The gap layer is switched on. */
  gapsShown: Accessor<boolean>;
  /** What coverage is computed on (as given to createCoverage). */
  units: Accessor<FeatureCollection | undefined>;
  plans: Accessor<FeatureCollection>;
  planBlobs: Accessor<readonly Blob[]>;
  options: Accessor<CoverageOptions>;
  registers: Accessor<string[]>;
  demo: Accessor<boolean>;
  proposals: Accessor<boolean>;
}) {
  const live = () => (d.coverage.external() ? null : d.coverage.result());
  const gaps = createGaps({ client: d.client, result: live, wanted: () => d.looking() || d.gapsShown() });
  // The history changes with the units, the registers and the counting rules — not with the "as of"
  // date, and not with proposals, which it leaves out (so drawing one does not recompute it).
  const registerPlans = createMemo(() => d.plans().features.filter((f) => f.properties?.[PROPOSAL_FLAG] !== true), undefined,
    { equals: (a, b) => a.length === b.length && a.every((f, i) => f === b[i]) });
  const timelineInputs = createMemo(() => {
    const { levels, statuses, target } = d.options();
    return { units: d.units(), plans: registerPlans(), blobs: d.planBlobs(), rules: JSON.stringify([levels, statuses, target]) };
  }, undefined, { equals: (a, b) => a.units === b.units && a.plans === b.plans && a.blobs === b.blobs && a.rules === b.rules });
  // The chart's series is a long computation for a large register (~2 s at 10,000 plans) that the
  // worker runs in one piece: an edit sent meanwhile waits for it. So it is computed only while the
  // chart is open, not whenever the coverage tab is.
  const [chartOpen, setChartOpen] = createSignal(false);
  const timeline = createTimeline({ fetch: () => d.client.timeline(), inputs: timelineInputs, wanted: () => d.looking() && chartOpen() && live() !== null });
  return {
    gaps,
    timeline,
    chartOpen,
    setChartOpen,
    zoom(piece: Feature<Polygon | MultiPolygon, GapPieceProperties>) {
      const b = extent(piece);
      if (b) d.map()?.frame(b as BBox, d.padding());
    },
    async export(kind: 'geojson' | 'shapefile') {
      const g = gaps.gaps();
      if (!g) return;
      // The writers (proj4, the Shapefile writer) load only when someone exports.
      const files = await import('../export/gaps-files');
      const meta = { registers: d.registers(), demo: d.demo(), proposals: d.proposals(), generated: new Date() };
      if (kind === 'geojson') downloadText(files.gapsFileName('geojson', meta), files.gapsGeoJsonText(g, meta), 'application/geo+json');
      else downloadBlob(files.gapsFileName('shapefile', meta), new Blob([files.gapsShapefile(g, meta) as BlobPart], { type: 'application/zip' }));
    },
  };
}

export type PlanningAhead = ReturnType<typeof createPlanningAhead>;
