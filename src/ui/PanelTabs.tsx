// The side panel's tabs (legend, coverage, data, presenter): a tab list and one panel per tab. A
// panel is first drawn when its tab is first opened (so its code can load then), and stays mounted
// afterwards so its state (scroll, inputs) survives switching. Kobalte's Tabs give
// the WAI-ARIA tabs pattern: one tab stop, ← → (and Home / End) move between tabs and select them.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { Tabs } from '@kobalte/core/tabs';

export interface PanelTab<Id extends string> {
  id: Id;
  /** A function, so that a change of language relabels the tab without re-creating its panel. */
  label: () => string;
  /**
   * A function, called when the tab is first opened: JSX written as a value would create every
   * panel (and fetch the code of the lazy ones) at start-up, on the first map's path.
   */
  content: () => JSX.Element;
}

export interface PanelTabsProps<Id extends string> {
  label: string;
  tabs: readonly PanelTab<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
}

export function PanelTabs<Id extends string>(props: PanelTabsProps<Id>) {
  const visited = createMemo<ReadonlySet<string>>((seen) => (seen.has(props.current) ? seen : new Set([...seen, props.current])), new Set());
  return (
    <Tabs value={props.current} onChange={(v) => props.onSelect(v as Id)} activationMode="automatic">
      <Tabs.List class="tabs" aria-label={props.label}>
        <For each={props.tabs}>
          {(tab) => <Tabs.Trigger value={tab.id} id={`tab-${tab.id}`}>{tab.label()}</Tabs.Trigger>}
        </For>
      </Tabs.List>
      <For each={props.tabs}>
        {(tab) => (
          <Tabs.Content value={tab.id} id={`tabpanel-${tab.id}`} forceMount hidden={props.current !== tab.id}>
            <Show when={visited().has(tab.id)}>{tab.content()}</Show>
          </Tabs.Content>
        )}
      </For>
    </Tabs>
  );
}
