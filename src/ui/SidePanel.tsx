import { For, type JSX } from 'solid-js';
import { LANGS } from '../i18n';
import { t, lang, setLang } from '../i18n';

/** The collapsible side panel: title, language switch, and whatever the app puts inside. */
/** `wide`: a tab whose tables need room (the resolution's) widens the panel on large screens. */
export function SidePanel(props: { open: boolean; wide?: boolean; onToggle: () => void; children: JSX.Element }) {
  return (
    <aside class="side-panel" classList={{ collapsed: !props.open, wide: !!props.wide }} aria-label={t('appTitle')}>
      <button type="button" class="panel-toggle" aria-expanded={props.open} aria-controls="panel-body"
        onClick={() => props.onToggle()} aria-label={props.open ? t('collapsePanel') : t('expandPanel')}>
        {props.open ? '‹' : '›'}
      </button>
      <div id="panel-body" class="panel-body" hidden={!props.open}>
        <header>
          <h1>{t('appTitle', undefined, 'vi')}</h1>
          <p class="subtitle" lang="en">{t('appTitle', undefined, 'en')}</p>
          <p class="lede">{t('appSubtitle')}</p>
          <div class="lang-switch" role="group" aria-label={t('language')}>
            <For each={LANGS}>
              {(l) => (
                <button type="button" aria-pressed={lang() === l} onClick={() => setLang(l)} lang={l}>
                  {t('langName', undefined, l)}
                </button>
              )}
            </For>
          </div>
        </header>
        {props.children}
      </div>
    </aside>
  );
}
