import { createSignal, Show } from 'solid-js';
import { t } from '../i18n';

/** Copies the page's URL (which carries the whole shareable state) to the clipboard. */
export function CopyLink() {
  const [status, setStatus] = createSignal<'idle' | 'ok' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus('ok');
    } catch {
      setStatus('failed');
    }
    setTimeout(() => setStatus('idle'), 3000);
  };
  return (
    <>
      <button type="button" onClick={copy}>{t('copyLink')}</button>
      <span class="toast" role="status">
        <Show when={status() !== 'idle'}>{status() === 'ok' ? t('linkCopied') : t('linkCopyFailed')}</Show>
      </span>
    </>
  );
}
