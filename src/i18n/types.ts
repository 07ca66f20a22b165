// Language types, apart from the message data so that pure modules (layers, decks, export) can
// name them without pulling in the catalog.
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A text in both UI languages. */
export interface Localized {
  vi: string;
  en: string;
}
