// "Export map image": size choice and a button. The app does the work (`onExport` renders and
// downloads, resolving with the file name); this only reports progress and errors.
import { createSignal, For, Show } from 'solid-js';
import { EXPORT_SIZE_KEYS, type ExportSizeKey } from '../../export/sizes';
import { t } from '../../i18n';
import './presenter.css';

export interface ExportImageProps {
  onExport: (size: ExportSizeKey) => Promise<string>;
}

export function ExportImage(props: ExportImageProps) {
  const [size, setSize] = createSignal<ExportSizeKey>('slide');
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const file = await props.onExport(size());
      setResult({ ok: true, text: t('exportDone', { file }) });
    } catch (e) {
      setResult({ ok: false, text: t('exportFailed', { error: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export-image">
      <label class="deck-field">
        <span>{t('exportSize')}</span>
        <select onChange={(e) => setSize(e.currentTarget.value as ExportSizeKey)}>
          <For each={EXPORT_SIZE_KEYS}>{(k) => <option value={k} selected={k === size()}>{t(`size.${k}` as const)}</option>}</For>
        </select>
      </label>
      <button type="button" onClick={run} disabled={busy()} aria-busy={busy()}>{busy() ? t('exporting') : t('exportImage')}</button>
      <p class="deck-status" role="status">
        <Show when={result()?.ok}>{result()!.text}</Show>
      </p>
      <Show when={result() && !result()!.ok}>
        <p class="deck-error" role="alert">{result()!.text}</p>
      </Show>
    </div>
  );
}
