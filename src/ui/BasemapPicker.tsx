// The basemap choice in the layer panel: none (offline, the default), the online street map and
// satellite imagery (marked "online": they load tiles from another server, only once chosen), or a
// local .pmtiles file the user opens (kept in the browser for the next visit).
import { For, Show } from 'solid-js';
import { BASEMAP_IDS, type BasemapId } from '../map/basemaps';
import type { Basemaps } from '../app/basemap';
import { t, fmt } from '../i18n';

const ONLINE = new Set<BasemapId>(['street', 'satellite']);

export function BasemapPicker(props: { basemap: Basemaps }) {
  const b = () => props.basemap;
  let fileInput!: HTMLInputElement;
  const choose = (id: BasemapId) => {
    b().choose(id);
    // Local chosen with no file kept yet: ask for one.
    if (id === 'local' && !b().localFile()) fileInput.click();
  };
  // Folded to one line (the current choice) unless a basemap is on: the layers come first.
  return (
    <details class="basemap-picker" data-testid="basemap-picker" open={b().current() !== 'none'}>
      <summary>
        {t('basemap')}: <strong>{t(`basemap.${b().current()}`)}</strong>
        <Show when={ONLINE.has(b().current())}> <span class="online-mark">{t('online')}</span></Show>
      </summary>
      <fieldset>
      <legend class="visually-hidden">{t('basemap')}</legend>
      <For each={BASEMAP_IDS}>
        {(id) => (
          <label>
            <input type="radio" name="basemap" value={id} checked={b().current() === id} onChange={() => choose(id)} />
            <span>{t(`basemap.${id}`)}</span>
            <Show when={ONLINE.has(id)}>
              <span class="online-mark">{t('online')}</span>
            </Show>
          </label>
        )}
      </For>
      <p class="note">{t('basemapOnlineNote')}</p>
      <div class="basemap-file">
        <label class="file-button small-file">
          {t('chooseBasemapFile')}
          <input ref={fileInput} type="file" accept=".pmtiles" onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) void b().openFile(f);
          }} />
        </label>
        <Show when={b().localFile()} keyed>
          {(f) => (
            <span class="note" data-testid="basemap-file">
              {t('basemapFileKept', { name: `${f.name} (${f.size < 1_048_576 ? `${fmt(f.size / 1024, 0)} kB` : `${fmt(f.size / 1_048_576, 1)} MB`})` })}{' '}
              <button type="button" class="small" onClick={() => void b().removeFile()}>{t('removeBasemapFile')}</button>
            </span>
          )}
        </Show>
        <Show when={b().current() === 'local' && !b().localFile() && !b().error()}>
          <p class="note">{t('basemapNoFile')}</p>
        </Show>
      </div>
      <Show when={b().error()}>
        <p class="error" role="alert">{t('basemapFileError', { error: b().error()! })}</p>
      </Show>
      <Show when={b().storageProblem()}>
        <p class="warning">{t('storageUnavailable', { reason: b().storageProblem()! })}</p>
      </Show>
      </fieldset>
    </details>
  );
}
