// Loads geodata/resolution.json (the resolution's targets, milestones and criteria) from the app's
// own origin. It is checked by `npm run geodata:check` at build time; here only its format is
// confirmed, so a wrong file gives a message rather than a broken view.
import resolutionUrl from '../../geodata/resolution.json?url';
import { RESOLUTION_FORMAT, type ResolutionFile } from '../resolution/types';

export async function loadResolution(url: string = resolutionUrl): Promise<ResolutionFile> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`resolution.json: HTTP ${res.status}`);
  const json = (await res.json()) as Partial<ResolutionFile> | null;
  if (!json || json.format !== RESOLUTION_FORMAT || !Array.isArray(json.targets) || !Array.isArray(json.milestones)) {
    throw new Error('resolution.json: not a resolution file (format "viet-yen-resolution")');
  }
  return json as ResolutionFile;
}
