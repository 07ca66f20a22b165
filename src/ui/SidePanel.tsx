import { For, type JSX } from 'solid-js';
import { LANGS, messages } from '../i18n/messages';
import { t, lang, setLang } from '../i18n';

/** The collapsible side panel: title, language switch, and whatever the app puts inside. */
export function SidePanel(props: { open: boolean; onToggle: () => void; children: JSX.Element }) {
  return (
    <aside class="side-panel" classList={{ collapsed: !props.open }} aria-label={t('appTitle')}>
      <button type="button" class="panel-toggle" aria-expanded={props.open} aria-controls="panel-body"
        onClick={() => props.onToggle()} aria-label={props.open ? t('collapsePanel') : t('expandPanel')}>
        {props.open ? '‹' : '›'}
      </button>
      <div id="panel-body" class="panel-body" hidden={!props.open}>
        <header>
          <h1>{messages.appTitle.vi}</h1>
          <p class="subtitle" lang="en">{messages.appTitle.en}</p>
          <p class="lede">{t('appSubtitle')}</p>
          <div class="lang-switch" role="group" aria-label={t('language')}>
            <For each={LANGS}>
              {(l) => (
                <button type="button" aria-pressed={lang() === l} onClick={() => setLang(l)} lang={l}>
                  {messages.langName[l]}
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
