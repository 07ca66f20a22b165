// Items kept sorted by an ISO date (string order is date order), so moving the "as of" date
// touches only the items between the old and the new date (binary search), not every item.

export interface Dated {
  date: string;
}

/** First index whose date is > `date` (all items ≤ date lie before it). */
export function upperBound(items: readonly Dated[], date: string): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts after the items with the same date (O(log n) search, one splice). */
export function insertByDate<T extends Dated>(items: T[], item: T): void {
  items.splice(upperBound(items, item.date), 0, item);
}

/** Removes this very item (searching only among items of its date); false when absent. */
export function removeByDate<T extends Dated>(items: T[], item: T): boolean {
  for (let i = upperBound(items, item.date) - 1; i >= 0 && items[i]!.date === item.date; i--) {
    if (items[i] === item) {
      items.splice(i, 1);
      return true;
    }
  }
  return false;
}

/** The items whose date lies in (a, b] for a < b, or (b, a] for b < a: those a move from a to b changes. */
export function between<T extends Dated>(items: readonly T[], a: string, b: string): T[] {
  const lo = a < b ? a : b, hi = a < b ? b : a;
  return items.slice(upperBound(items, lo), upperBound(items, hi));
}
