// The side panel's tabs (legend, coverage, data, presenter): a tab list and one panel per tab; the
// hidden panels stay mounted so their state (scroll, inputs) survives switching.
import { For, type JSX } from 'solid-js';

export interface PanelTab<Id extends string> {
  id: Id;
  /** A function, so that a change of language relabels the tab without re-creating its panel. */
  label: () => string;
  content: JSX.Element;
}

export interface PanelTabsProps<Id extends string> {
  label: string;
  tabs: readonly PanelTab<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
}

export function PanelTabs<Id extends string>(props: PanelTabsProps<Id>) {
  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label}>
        <For each={props.tabs}>
          {(tab) => (
            <button type="button" role="tab" id={`tab-${tab.id}`} aria-selected={props.current === tab.id} aria-controls={`tabpanel-${tab.id}`}
              onClick={() => props.onSelect(tab.id)}>{tab.label()}</button>
          )}
        </For>
      </div>
      <For each={props.tabs}>
        {(tab) => (
          <div role="tabpanel" id={`tabpanel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={props.current !== tab.id}>
            {tab.content}
          </div>
        )}
      </For>
    </>
  );
}
