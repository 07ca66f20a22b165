// Links that open presenter mode: `?present=3` (1-based scene number) or `?present=s-4` (scene id),
// optionally with `deck=default` to present the shipped deck instead of the saved one. The query
// string is used, not the hash, because the hash is the app's own state (src/state/url.ts) and is
// rewritten on every change; the query survives those rewrites.

export interface PresentLink {
  /** Scene number (1-based, as text) or scene id. */
  scene: string;
  deck: 'saved' | 'default';
}

export function readPresentLink(search: string): PresentLink | null {
  const p = new URLSearchParams(search.replace(/^\?/, ''));
  const scene = p.get('present');
  if (scene === null) return null;
  return { scene: scene.trim() === '' ? '1' : scene.trim(), deck: p.get('deck') === 'default' ? 'default' : 'saved' };
}

/** A link to a scene of a deck, keeping the page's hash (the map state). */
export function presentHref(href: string, scene: string | number, deck: PresentLink['deck'] = 'saved'): string {
  const u = new URL(href);
  u.searchParams.set('present', String(scene));
  if (deck === 'default') u.searchParams.set('deck', 'default');
  else u.searchParams.delete('deck');
  return u.href;
}

/** The same address without the presenter parameters (after leaving presenter mode). */
export function withoutPresentLink(href: string): string {
  const u = new URL(href);
  u.searchParams.delete('present');
  u.searchParams.delete('deck');
  return u.href;
}
