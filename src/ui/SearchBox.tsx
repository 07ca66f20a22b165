import { createEffect, createSignal, createMemo, For, Show, on } from 'solid-js';
import type { SearchHit, SearchIndex } from '../search/search';
import { t } from '../i18n';

/**
 * One search box (ARIA combobox): ↑/↓ move, Enter chooses, Esc clears. Enter while the index is
 * being rebuilt (just after an import) chooses the first hit of the new index when it is ready,
 * rather than a hit of the old one or nothing.
 */
export function SearchBox(props: { index: SearchIndex | null; building?: boolean; onChoose: (hit: SearchHit) => void }) {
  const [query, setQuery] = createSignal('');
  const [waiting, setWaiting] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const [open, setOpen] = createSignal(false);
  const hits = createMemo(() => (props.index && query().trim() ? props.index.search(query(), 10) : []));
  // A list that appears, or changes, under a resting pointer must not move the choice: only a pointer
  // that really moves over an option chooses it (browsers send enter events on layout changes too).
  const pointerMoved = (e: MouseEvent) => e.movementX !== 0 || e.movementY !== 0;
  // A new hit list (new text, or the index rebuilt after an import) starts at its first hit.
  createEffect(on(hits, () => setActive(0), { defer: true }));
  const choose = (h: SearchHit | undefined) => {
    if (!h) return;
    props.onChoose(h);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = hits().length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      if (n) setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (props.building || !props.index) setWaiting(true);
      else choose(hits()[active()]);
    } else if (e.key === 'Escape' && open() && hits().length > 0) {
      // Esc first closes the list; with no list open it goes on to close the feature info.
      e.stopPropagation();
      setOpen(false);
    }
  };
  createEffect(on(() => !!props.index && !props.building, (ready) => {
    if (ready && waiting()) {
      setWaiting(false);
      choose(hits()[0]);
    }
  }));
  return (
    <div class="search">
      <label class="visually-hidden" for="search-input">{t('search')}</label>
      <input id="search-input" type="search" role="combobox" autocomplete="off" spellcheck={false}
        placeholder={t('searchPlaceholder')} value={query()}
        aria-expanded={open() && hits().length > 0} aria-controls="search-results" aria-autocomplete="list"
        aria-activedescendant={open() && hits().length ? `search-opt-${active()}` : undefined}
        onInput={(e) => { setQuery(e.currentTarget.value); setActive(0); setOpen(true); setWaiting(false); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown} />
      <Show when={open() && query().trim()}>
        <ul id="search-results" role="listbox" aria-label={t('searchResults')} class="search-results">
          <Show when={props.building || !props.index}>
            <li class="search-empty" role="presentation" data-testid="search-building">{t('searchBuilding')}</li>
          </Show>
          <For each={hits()} fallback={<Show when={props.index && !props.building}><li class="search-empty" role="presentation">{t('noResults')}</li></Show>}>
            {(h, i) => (
              <li id={`search-opt-${i()}`} role="option" aria-selected={i() === active()} classList={{ active: i() === active() }}
                onMouseDown={(e) => { e.preventDefault(); choose(h); }} onMouseMove={(e) => { if (pointerMoved(e)) setActive(i()); }}>
                <span class="hit-name">{h.item.name}</span>
                <span class="hit-meta">{h.item.kind}{h.item.units.length ? ` · ${h.item.units.join(', ')}` : ''}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
