// The side panel's four tabs and what each holds: legend (layers), coverage, data (imports) and
// presenter (deck, map images). Plain view: every action is the caller's.
import type { LayerEntry } from '../layers/types';
import type { UnitCoverage } from '../coverage/types';
import type { ImportController } from '../data/import-controller';
import type { Coverage } from '../app/coverage';
import type { ImportedLayers } from '../app/imported-layers';
import { state, actions } from '../state/store';
import { lazy, Show } from 'solid-js';
import { t, lang } from '../i18n';
import { PanelTabs } from './PanelTabs';
import { Legend } from './Legend';
import { CoveragePanel, type ExternalView } from './CoveragePanel';
import type { createShowFeature } from './show-feature';
import type { createResolution } from '../app/resolution';
import { BasemapPicker } from './BasemapPicker';
import type { Basemaps } from '../app/basemap';
import { coveredIds, legendContext } from '../layers/legend';
import { proposalEffects } from '../app/coverage-view';
import type { createUserProposals } from '../app/proposals';
import type { PlanningAhead } from '../app/planning-ahead';

// Tabs the first view does not show load their code when first opened (see PanelTabs).
const ImportPanel = lazy(() => import('./ImportPanel').then((m) => ({ default: m.ImportPanel })));
const DeckEditor = lazy(() => import('./presenter/DeckEditor').then((m) => ({ default: m.DeckEditor })));
const ExportImage = lazy(() => import('./presenter/ExportImage').then((m) => ({ default: m.ExportImage })));
const ResolutionPanel = lazy(() => import('./resolution/ResolutionPanel').then((m) => ({ default: m.ResolutionPanel })));
const ProposalPanel = lazy(() => import('./ProposalPanel').then((m) => ({ default: m.ProposalPanel })));
const PlanningAheadPanel = lazy(() => import('./PlanningAheadPanel').then((m) => ({ default: m.PlanningAheadPanel })));

export interface ExplorerTabsProps {
  /** Layers of the current period. */
  entries: LayerEntry[];
  imported: ImportedLayers;
  coverage: Coverage;
  registers: string[];
  importer: ImportController;
  show: ReturnType<typeof createShowFeature>;
  resolution: ReturnType<typeof createResolution>;
  basemap: Basemaps;
  storageMessage: string | null;
  onSelectUnit: (id: string) => void;
  onExportLayer: (id: string) => void;
  onExportCsv: (rows: UnitCoverage[]) => void;
  /** A coverage result opened from a file, and the boundaries drawn for it (src/app/coverage-view.ts unitsForResult). */
  externalView?: ExternalView | null;
  /** The user's proposals and their drawing tools (a section of the coverage tab). */
  proposals?: ReturnType<typeof createUserProposals>;
  /** Gaps to the target and coverage over time (below the coverage table). */
  ahead?: PlanningAhead;
}

export function ExplorerTabs(props: ExplorerTabsProps) {
  const isImported = (id: string) => props.imported.layers().some((l) => l.meta.id === id);
  const accept = (key: number) => {
    const item = props.importer.take(key);
    if (item) void props.imported.accept(item, key);
  };
  const tabs = [
    { id: 'legend' as const, label: () => t('tabLegend'), content: () => (
      <>
        <BasemapPicker basemap={props.basemap} />
        <Legend entries={props.entries} visible={state.visible} opacity={state.opacity} context={legendContext(state.coverage.target, props.coverage.result())}
          covered={coveredIds(props.entries, (e) => !!state.visible[e.id])}
          onVisible={actions.setVisible} onGroupVisible={actions.setGroupVisible} onOpacity={actions.setOpacity}
          onExport={props.onExportLayer} onRemove={(id) => void props.imported.remove(id)} removable={isImported} />
        <Show when={props.imported.lastRemoved()}>
          {(gone) => (
            <p class="removed" role="status">
              {t('layerRemoved', { name: gone().meta.name })}{' '}
              <button type="button" class="small" onClick={() => void props.imported.undoRemove()}>{t('undo')}</button>
            </p>
          )}
        </Show>
        <p class="note">{t('unitsNote')}</p>
      </>
    ) },
    { id: 'coverage' as const, label: () => t('tabCoverage'), content: () => (
      <>
        <CoveragePanel result={props.coverage.result()} busy={props.coverage.busy()} error={props.coverage.error()}
        options={props.coverage.external()?.result.options ?? state.coverage}
        external={props.externalView ?? null} onLiveEngine={() => props.coverage.setExternal(null)}
        demoRegister={state.useDemoRegister} onDemoRegister={actions.setUseDemoRegister}
        registers={props.registers} unitsName={props.externalView?.unitsName ?? props.imported.unitsLayer()?.meta.name ?? t('bundledUnits')}
        coverageMode={!!state.visible['coverage']} selectedUnit={state.focusedUnit}
        onOptions={actions.setCoverageOptions} onCoverageMode={(v) => actions.setVisible('coverage', v)}
        onSelectUnit={props.onSelectUnit} onExport={props.onExportCsv}
        proposals={props.proposals && (
          <ProposalPanel proposals={props.proposals.proposals} drawing={props.proposals.drawing} effects={proposalEffects(props.coverage.result())}
            counting={state.coverage.proposals !== false} onCounting={(v) => actions.setCoverageOptions({ proposals: v })}
            onZoom={props.proposals.zoomTo} onExport={(crs) => void props.proposals?.download(crs)} />
        )} />
        <Show when={props.ahead}>
          {(ahead) => <PlanningAheadPanel ahead={ahead()} demo={state.useDemoRegister && !props.coverage.external()} disabled={!!props.coverage.external()} />}
        </Show>
      </>
    ) },
    { id: 'resolution' as const, label: () => t('tabResolution'), content: () => (
      <ResolutionPanel data={props.resolution.data()} error={props.resolution.error()} lang={lang()} coverage={props.resolution.live()}
        wards={props.resolution.wards()} milestone={state.milestone} onOpenCoverage={() => actions.showPanel('coverage')}
        onMilestone={(m) => actions.showMilestone(m?.id ?? null, m?.period)} />
    ) },
    { id: 'data' as const, label: () => t('tabData'), content: () => (
      <ImportPanel pending={props.importer.pending} storageMessage={props.storageMessage}
        onFiles={(f) => void props.importer.addFiles(f)} onOptions={(k, o) => void props.importer.update(k, o)}
        onMeta={props.importer.setMeta} onAccept={accept} onCancel={props.importer.cancel} />
    ) },
    { id: 'present' as const, label: () => t('present'), content: () => (
      <>
        <DeckEditor deck={props.show.deck()} onDeck={props.show.setDeck} onCapture={props.show.host.captureState} onPresent={props.show.presenter.start}
          knownLayerIds={props.show.known} onReset={props.show.resetDeck} message={props.show.deckMessage()} />
        <ExportImage onExport={props.show.exportImage} />
      </>
    ) },
  ];
  return <PanelTabs label={t('legend')} tabs={tabs} current={state.panel} onSelect={actions.showPanel} />;
}
