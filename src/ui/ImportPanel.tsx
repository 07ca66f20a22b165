import { For, Show } from 'solid-js';
import type { PendingImport, PendingOptions } from '../data/import-controller';
import { SUPPORTED_CRS } from '../import/crs-defs';
import { PLAN_FIELDS, type PlanField } from '../import/fields';
import type { Provenance } from '../layers/types';
import { t, fmt, lang, type MessageKey } from '../i18n';
import { renderMessage, type LocalizedMessage } from '../import/format-messages';
import { localizeFailure } from '../import/failure-messages';
import { ProblemList } from './ProblemList';

export interface ImportPanelProps {
  pending: readonly PendingImport[];
  storageMessage: string | null;
  onFiles: (files: File[]) => void;
  onOptions: (key: number, o: Partial<PendingOptions>) => void;
  onMeta: (key: number, o: Partial<Pick<PendingImport, 'name' | 'color' | 'provenance'>>) => void;
  onAccept: (key: number) => void;
  onCancel: (key: number) => void;
}

const ROLES = ['plans', 'units', 'overlay'] as const;
const PROVENANCES: Provenance[] = ['official', 'indicative', 'demonstration'];

/** Loading a planner's own files: choose, review (role, CRS, fields, problems), accept or cancel. */
export function ImportPanel(props: ImportPanelProps) {
  return (
    <section class="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="note">{t('importIntro')}</p>
      <label class="file-button">
        {t('chooseFiles')}
        <input type="file" multiple accept=".geojson,.json,.zip,.kml,.kmz,.dxf,.gpkg,.dwg" data-testid="import-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) props.onFiles(files);
          }} />
      </label>
      <Show when={props.storageMessage}>
        <p class="warning" role="status">{props.storageMessage}</p>
      </Show>
      <For each={props.pending}>{(p) => <PendingItem item={p} {...props} />}</For>
    </section>
  );
}

function PendingItem(props: ImportPanelProps & { item: PendingImport }) {
  const r = () => props.item.result;
  const ok = () => (r()?.ok ? (r() as Extract<PendingImport['result'], { ok: true }>) : null);
  const errors = () => ok()?.problems.filter((p) => p.severity === 'error') ?? [];
  const featureWarnings = () => ok()?.problems.filter((p) => p.severity === 'warning' && p.featureIndex !== null) ?? [];
  const key = () => props.item.key;
  return (
    <article class="pending" data-testid="pending-import" aria-label={props.item.fileName}>
      <h3>{props.item.fileName}</h3>
      <Show when={props.item.progress}>
        {(pr) => (
          <p class="progress-line">
            <progress max="1" value={pr().fraction} aria-label={t('importing', { file: props.item.fileName })} />{' '}
            {t(`stage.${pr().stage}` as MessageKey)}
          </p>
        )}
      </Show>
      <Show when={r() && !r()!.ok}>
        <p class="error" role="alert" data-testid="import-error">{say((r() as { error: string }).error, r()?.i18n)}</p>
        <LayerSelect item={props.item} onOptions={props.onOptions} />
        <Show when={(r() as { needsCrs?: boolean }).needsCrs}>
          <CrsSelect value={props.item.options.crs ?? 'EPSG:9214'} onChange={(crs) => props.onOptions(key(), { crs })} />
        </Show>
        <button type="button" onClick={() => props.onCancel(key())}>{t('cancel')}</button>
      </Show>
      <Show when={ok()}>
        {(res) => (
          <>
            <fieldset class="filters">
              <legend>{t('importRole')}</legend>
              <For each={ROLES}>
                {(role) => (
                  <label class="block">
                    <input type="radio" name={`role-${key()}`} checked={props.item.options.role === role}
                      onChange={() => props.onOptions(key(), { role })} />
                    {t(`role.${role}`)}
                  </label>
                )}
              </For>
            </fieldset>
            <div class="row">
              <label>{t('layerName')} <input type="text" value={props.item.name} onInput={(e) => props.onMeta(key(), { name: e.currentTarget.value })} /></label>
              <label>{t('layerColor')} <input type="color" value={props.item.color} onInput={(e) => props.onMeta(key(), { color: e.currentTarget.value })} /></label>
              <label>{t('dataNature')}{' '}
                <select onChange={(e) => props.onMeta(key(), { provenance: e.currentTarget.value as Provenance })}>
                  <For each={PROVENANCES}>{(pv) => <option value={pv} selected={props.item.provenance === pv}>{t(`provenance.${pv}`)}</option>}</For>
                </select>
              </label>
            </div>
            <LayerSelect item={props.item} onOptions={props.onOptions} />
            <p class="crs-line" data-testid="import-crs">
              {t('crsLabel')}: <strong>{res().crs.code}</strong> ({t(`crsSource.${res().crs.source}` as MessageKey)})
            </p>
            <Show when={res().crs.needsConfirmation}>
              <p class="warning">{t('crsConfirm')}</p>
              <CrsSelect value={props.item.options.crs ?? res().crs.code} onChange={(crs) => props.onOptions(key(), { crs })} />
            </Show>
            <p class="note" data-testid="import-placement">
              {res().placement.overlapsDistrict ? t('placementOk') : t('placementFar', { km: fmt(res().placement.centreDistanceKm ?? 0, 0) })}
            </p>
            <Show when={props.item.options.role === 'plans'}>
              <fieldset class="filters mapping">
                <legend>{t('fieldMapping')}</legend>
                <For each={PLAN_FIELDS.filter((f) => f !== 'id')}>
                  {(field: PlanField) => (
                    <label class="block">
                      {t(`field.${field}` as MessageKey)}{' '}
                      <select onChange={(e) => props.onOptions(key(), { mapping: { ...(props.item.options.mapping ?? {}), [field]: e.currentTarget.value || null } })}>
                        <option value="" selected={!res().mapping?.[field]}>{t('noField')}</option>
                        <For each={res().fields}>{(f) => <option value={f} selected={res().mapping?.[field] === f}>{f}</option>}</For>
                      </select>
                    </label>
                  )}
                </For>
              </fieldset>
              <Show when={res().mapping && (res().mapping!.level === null || res().mapping!.status === null)}>
                <p class="note register-default" data-testid="register-default">{t('registerDefaults')}</p>
              </Show>
            </Show>
            <For each={res().warnings}>{(w) => <p class="warning">{say(w, res().i18n)}</p>}</For>
            <ProblemList fileName={props.item.fileName} problems={errors()} summary={t('problemsFound', { n: errors().length })} testId="import-problems" />
            <ProblemList fileName={props.item.fileName} problems={featureWarnings()} summary={t('warningsFound', { n: featureWarnings().length })}
              testId="import-warnings" warnings />
            <div class="row">
              <label><input type="checkbox" checked={props.item.options.repair} onChange={(e) => props.onOptions(key(), { repair: e.currentTarget.checked })} /> {t('repairInvalid')}</label>
              <label><input type="checkbox" checked={props.item.options.skipInvalid} onChange={(e) => props.onOptions(key(), { skipInvalid: e.currentTarget.checked })} /> {t('skipInvalid')}</label>
            </div>
            <p class="note">{t('featuresReady', { n: props.item.large?.featureCount ?? res().collection.features.length })}</p>
            <div class="row">
              <button type="button" class="primary" disabled={errors().length > 0 || props.item.progress !== null || res().collection.features.length === 0}
                onClick={() => props.onAccept(key())}>{t('addToMap')}</button>
              <button type="button" onClick={() => props.onCancel(key())}>{t('cancel')}</button>
            </div>
          </>
        )}
      </Show>
    </article>
  );
}

/**
 * A message of the import in the UI language: by the catalog entry the import attached, else by its
 * English text (refusals made outside the import core, e.g. a file the browser could not read).
 */
function say(text: string, i18n: readonly LocalizedMessage[] | undefined): string {
  const m = i18n?.find((x) => x.text === text) ?? localizeFailure(text);
  return m ? renderMessage(m.key, m.vars, lang(), 'ui') : text;
}

/** The table of a GeoPackage, shown only when it has more than one. */
function LayerSelect(props: { item: PendingImport; onOptions: ImportPanelProps['onOptions'] }) {
  const layers = () => props.item.result?.layers ?? [];
  const current = () => props.item.options.layer ?? (props.item.result?.ok ? props.item.result.layer : undefined) ?? layers()[0];
  return (
    <Show when={layers().length > 1}>
      <label class="block">
        {t('gpkgTable')}{' '}
        <select data-testid="import-layer" onChange={(e) => props.onOptions(props.item.key, { layer: e.currentTarget.value, mapping: undefined })}>
          <For each={layers()}>{(l) => <option value={l} selected={l === current()}>{l}</option>}</For>
        </select>
      </label>
    </Show>
  );
}

function CrsSelect(props: { value: string; onChange: (crs: string) => void }) {
  return (
    <label class="block">
      {t('crsLabel')}{' '}
      <select onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={SUPPORTED_CRS}>{(c) => <option value={c.code} selected={c.code === props.value}>{c.code} — {c.name}</option>}</For>
      </select>
    </label>
  );
}
