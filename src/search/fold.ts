// Vietnamese folding for search: strips tone marks and vowel diacritics, maps đ/Đ to d, lowercases.
// "Chùa Bổ Đà" → "chua bo da". Hand-written (a few lines): generic libraries fold đ wrongly or not at all.
const COMBINING = /[\u0300-\u036f]/g;

export function fold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().normalize('NFC');
}

/** Lowercase, NFC, diacritics kept: for "exact diacritic" comparisons. */
export function norm(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

/** Words of a string, split on anything that is not a letter or digit. */
export function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
