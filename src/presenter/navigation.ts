// Presenter navigation as pure mappings: key or click → action → next scene index. The DOM
// listeners (presenter controller) only translate events and call these.

export type NavAction = 'next' | 'prev' | 'first' | 'last' | { jump: number } | 'exit' | 'notes';

/** Share of the width, on each side, that acts as a back/forward click zone. */
export const EDGE_FRACTION = 0.2;

/**
 * Key (KeyboardEvent.key) → action. Digits jump to scene 1–9 (1-based), 0 to scene 10; N toggles
 * the speaker-notes strip.
 */
export function keyToAction(key: string): NavAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'Spacebar': // old Edge/IE name of the space key
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
    case 'Esc':
      return 'exit';
    case 'n':
    case 'N':
      return 'notes';
  }
  if (/^[0-9]$/.test(key)) return { jump: key === '0' ? 10 : Number(key) };
  return null;
}

/** Same, for a keyboard event: shortcuts with Ctrl/Alt/Meta belong to the browser, not to us. */
export function eventToAction(e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }): NavAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  return keyToAction(e.key);
}

/** Click at x (px from the left) on a view `width` px wide: edges step, the middle is the map's. */
export function clickToAction(x: number, width: number): 'next' | 'prev' | null {
  if (!(width > 0)) return null;
  const f = x / width;
  if (f < EDGE_FRACTION) return 'prev';
  if (f > 1 - EDGE_FRACTION) return 'next';
  return null;
}

/** An index within 0..count−1 (0 for an empty deck). */
export function clampIndex(i: number, count: number): number {
  if (count <= 0 || !Number.isFinite(i)) return 0;
  return Math.max(0, Math.min(count - 1, Math.trunc(i)));
}

/**
 * The scene index after a navigation action. Jumps beyond the deck are ignored (the index stays),
 * which is less surprising than landing on the last scene. 'exit' and 'notes' do not move.
 */
export function nextIndex(index: number, action: NavAction, count: number): number {
  const i = clampIndex(index, count);
  if (count <= 0) return 0;
  if (typeof action === 'object') return action.jump >= 1 && action.jump <= count ? action.jump - 1 : i;
  switch (action) {
    case 'next':
      return clampIndex(i + 1, count);
    case 'prev':
      return clampIndex(i - 1, count);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    default:
      return i;
  }
}

/** "3 / 7" */
export function progressText(index: number, count: number): string {
  return count > 0 ? `${clampIndex(index, count) + 1} / ${count}` : '0 / 0';
}
