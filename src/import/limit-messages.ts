// The import's refusals for inputs beyond the shared limits (src/validation/limits.ts), as
// localized failures: English for the CLI and tests, the catalog key for the panel.
import type { ScanRefusal } from '../validation/scan.ts';
import type { XmlScanRefusal } from '../validation/scan-xml.ts';
import { formatCount, formatMb } from '../validation/limits.ts';
import { failWith, type LocalizedFailure } from './format-messages.ts';

/** A streaming scan's refusal (JSON or KML) for the file `file`. */
export function scanFailure(file: string, r: ScanRefusal | XmlScanRefusal): LocalizedFailure {
  // The feature as a feature number: 0-based in the English (CLI) text, counted from 1 in the UI.
  const vars = { file, max: formatCount(r.max), feature: { feature: r.featureIndex ?? 0 } };
  switch (r.limit) {
    case 'depth': return failWith('importLimit.depth', vars);
    case 'containers': return failWith('importLimit.containers', vars);
    case 'features': return failWith('importLimit.features', vars);
    case 'featureVertices': return failWith('importLimit.featureVertices', vars);
    case 'totalVertices': return failWith('importLimit.totalVertices', vars);
    case 'properties': return failWith('importLimit.properties', vars);
    case 'elements': return failWith('importLimit.elements', vars);
    case 'xmlDepth': return failWith('importLimit.xmlDepth', vars);
    case 'placemarks': return failWith('importLimit.placemarks', vars);
  }
}

export function sizeFailure(file: string, size: number, max: number): LocalizedFailure {
  return failWith('importLimit.size', { file, size: formatMb(size), max: formatMb(max) });
}

export function featureCountFailure(file: string, n: number, max: number): LocalizedFailure {
  return failWith('importLimit.featureCount', { file, n: formatCount(n), max: formatCount(max) });
}
