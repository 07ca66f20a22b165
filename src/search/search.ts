// Search over every feature's name and aliases (and the units it lies in), ignoring tone marks,
// đ and case, ranking exact-diacritic and prefix matches first. MiniSearch keeps the inverted
// index and prefix lookups; the ranking on top is ours because it has to know about diacritics.
import MiniSearch from 'minisearch';
import { fold, norm, words } from './fold';

export interface SearchItem {
  /** Unique key: `${layerId}/${featureId}`. */
  key: string;
  layerId: string;
  featureId: string;
  name: string;
  aliases: string[];
  /** Names of the units the feature lies in (lets "nenh" find what is in Nếnh). */
  units: string[];
  kind: string;
}

export interface SearchHit {
  item: SearchItem;
  score: number;
  /** Why it matched, for tests and for ordering: lower is better. */
  tier: number;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

type Doc = SearchItem & { id: string; text: string; unitText: string };

export function buildSearchIndex(items: readonly SearchItem[]): SearchIndex {
  const ms = emptyIndex();
  ms.addAll(items.map(toDoc));
  return wrap(ms, items);
}

/**
 * The same index built a hundred items at a time, yielding to the page between them (MiniSearch's
 * addAllAsync): a large imported register's thousands of features would otherwise block the page.
 */
export async function buildSearchIndexAsync(items: readonly SearchItem[]): Promise<SearchIndex> {
  const ms = emptyIndex();
  await ms.addAllAsync(items.map(toDoc), { chunkSize: 100 });
  return wrap(ms, items);
}

const toDoc = (i: SearchItem): Doc => ({ ...i, id: i.key, text: [i.name, ...i.aliases].join(' | '), unitText: i.units.join(' | ') });

function emptyIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: ['text', 'unitText'],
    storeFields: ['key'],
    processTerm: (t) => fold(t),
    // Split on anything that is not a letter or digit (MiniSearch's default keeps symbols like < and =).
    tokenize: (text) => words(text),
    searchOptions: { prefix: true, boost: { text: 3 }, combineWith: 'AND' },
  });
}

function wrap(ms: MiniSearch<Doc>, items: readonly SearchItem[]): SearchIndex {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return {
    search(query, limit = 12) {
      const q = query.trim();
      if (!q) return [];
      const hits = ms.search(q);
      const out: SearchHit[] = [];
      for (const h of hits) {
        const item = byKey.get(h.id as string);
        if (!item) continue;
        out.push({ item, score: h.score, tier: tierOf(item, q) });
      }
      // Tier first (exact > prefix > word prefix > in-unit), then MiniSearch's relevance, then name.
      out.sort((a, b) => a.tier - b.tier || b.score - a.score || a.item.name.localeCompare(b.item.name, 'vi'));
      return out.slice(0, limit);
    },
  };
}

/**
 * Ranking tiers: 0 exact name with diacritics, 1 exact name folded, 2 name starts with the query
 * (diacritics), 3 name starts with it (folded), 4 a name/alias word starts with it with diacritics,
 * 5 the same folded, 6 matched an alias, 7 matched only through the units it lies in.
 */
export function tierOf(item: SearchItem, query: string): number {
  const qn = norm(query.trim());
  const qf = fold(query.trim());
  const names = [item.name, ...item.aliases];
  const bare = names.flatMap((n) => [n, stripKind(n)]);
  if (bare.some((n) => norm(n) === qn)) return 0;
  if (bare.some((n) => fold(n) === qf)) return 1;
  if (bare.some((n) => norm(n).startsWith(qn))) return 2;
  if (bare.some((n) => fold(n).startsWith(qf))) return 3;
  const qWords = words(qn);
  const wordPrefix = (toKey: (s: string) => string) =>
    names.some((n) => {
      const ws = words(toKey(n));
      return words(toKey(query)).every((q) => ws.some((w) => w.startsWith(q)));
    });
  if (qWords.length && wordPrefix(norm)) return 4;
  if (qWords.length && wordPrefix(fold)) return 5;
  const nameHit = words(fold(item.name)).some((w) => words(qf).some((q) => w.startsWith(q)));
  return nameHit ? 6 : 7;
}

// "Xã Tự Lạn", "KCN Quang Châu", "Chùa Bổ Đà": a query for the proper name alone is an exact match.
const KIND_WORDS = /^(xã|thị trấn|phường|thị xã|huyện|kcn|ccn|khu công nghiệp|cụm công nghiệp|chùa|đình|đền|làng|thôn|sông|quốc lộ)\s+/iu;
function stripKind(n: string): string {
  return n.replace(KIND_WORDS, '');
}
