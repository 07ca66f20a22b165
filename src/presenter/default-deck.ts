// The deck shipped with the app (geodata/scenes-default.json): the resolution's story in 9 scenes.
// Bundled as text so it works offline and goes through the same validation as an imported file.
import defaultDeckText from '../../geodata/scenes-default.json?raw';
import { parseDeck } from './deck';
import type { Deck } from './types';

export { defaultDeckText };

/** The default deck, checked against the catalog's layer ids (throws if the shipped file is broken:
 *  a unit test guards it, so that is a build error, not a user's). */
export function defaultDeck(knownLayerIds: ReadonlySet<string>): Deck {
  const r = parseDeck(defaultDeckText, knownLayerIds, 'scenes-default.json');
  if (!r.ok) throw new Error(r.error);
  return r.deck;
}
