// A shared link that named layers this app does not know says so (and which), instead of hiding them.
import { Show } from 'solid-js';
import { t } from '../i18n';
import { dismissLinkNotice, unknownLinkLayers } from '../state/url-sync';

export function LinkNotice() {
  return (
    <Show when={unknownLinkLayers().length > 0}>
      <p class="warning" role="status" data-testid="link-notice">
        {t('urlUnknownLayers', { layers: unknownLinkLayers().slice(0, 5).join(', ') })}{' '}
        <button type="button" class="icon-button" onClick={dismissLinkNotice} aria-label={t('close')}>×</button>
      </p>
    </Show>
  );
}
