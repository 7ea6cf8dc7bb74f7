import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface PartTab<Id extends string> {
  id: Id;
  label: string;
}

export interface PartTabsProps<Id extends string> {
  tabs: readonly PartTab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}

/**
 * The WAI-ARIA tabs pattern: one Tab stop for the list (roving tabindex), ←/→ move between
 * tabs and select them, Home/End go to the first/last.
 */
export function PartTabs<Id extends string>({ tabs, selected, onSelect, label }: PartTabsProps<Id>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tabs[next]!.id}`)?.focus();
  };
  return (
    <div class="part-tabs" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
      {tabs.map(({ id, label: text }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={selected === id}
          aria-controls={`panel-${id}`}
          tabIndex={selected === id ? 0 : -1}
          onClick={() => onSelect(id)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

export function PartPanel(props: { id: string; selected: boolean; children: ComponentChildren }) {
  return (
    <section
      id={`panel-${props.id}`}
      class="part-panel"
      role="tabpanel"
      aria-labelledby={`tab-${props.id}`}
      // Every part stays mounted (a running aggregation, a half-edited form survive a tab switch).
      hidden={!props.selected}
    >
      {props.children}
    </section>
  );
}
