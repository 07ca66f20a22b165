// Text encodings of Shapefile attributes (.dbf). Vietnamese data arrives in three families:
// Unicode (UTF-8, the default and what .cpg "UTF-8" says), Windows-1258 (.cpg "1258"), and the
// pre-Unicode font encodings TCVN3 (ABC) and VNI, which reuse Latin-1 code points for Vietnamese
// letters. The last two cannot be named in a .cpg and no TextDecoder knows them, so they are only
// detected (conservatively) and the user is told to convert them; the values are shown as they are.

export interface EncodingChoice {
  /** A label TextDecoder accepts. */
  label: string;
  /** Set when the .cpg could not be honoured. */
  warning: string | null;
}

function decoderAccepts(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * The TextDecoder label for a .cpg's content: "UTF-8", "65001", "1258", "CP1258", "ANSI 1258",
 * "Windows-1258", "1252", "ISO-8859-1", … Unknown names fall back to UTF-8 with a warning.
 */
export function encodingForCpg(cpg: string | null, cpgName = '.cpg'): EncodingChoice {
  if (cpg === null) return { label: 'utf-8', warning: null };
  const raw = cpg.replace(/^\uFEFF/, '').trim();
  const upper = raw.toUpperCase().replace(/\s+/g, ' ');
  if (upper === '' ) return { label: 'utf-8', warning: null };
  if (/^(UTF-?8|65001)$/.test(upper)) return { label: 'utf-8', warning: null };
  // Code page numbers as ESRI and GDAL write them: "1258", "ANSI 1258", "CP1258", "WIN1258".
  const number = /^(?:ANSI ?|CP ?|WINDOWS-?|WIN ?)?(\d{3,5})$/.exec(upper)?.[1];
  if (number !== undefined) {
    const label = /^12\d\d$/.test(number) ? `windows-${number}` : number === '874' ? 'windows-874' : `cp${number}`;
    if (decoderAccepts(label)) return { label, warning: null };
  } else if (decoderAccepts(raw)) {
    return { label: raw.toLowerCase(), warning: null };
  }
  const shown = JSON.stringify(raw.slice(0, 40));
  return { label: 'utf-8', warning: `${cpgName} names an unknown encoding ${shown}; attributes read as UTF-8` };
}

/** Whether bytes are valid UTF-8 (a .dbf without .cpg that is not, is probably Windows-1258). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1258 writes many letters as base + combining mark (ệ = ê + U+0323); NFC turns them into
 * the precomposed letters every other source (and the map's search) uses.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC');
}

// Latin-1 letters that Vietnamese never uses. TCVN3 and VNI text read as Windows-125x is full of
// them (TCVN3 "Hµ Néi", "ViÖt Yªn"; VNI "Haø Noäi", "Vieät Yeân"), next to ASCII letters.
const FOREIGN_LATIN = 'ª¨©«¬\u00ad®µ¶·¸¹»¼½¾ÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþ';
// Vietnamese capitals of Latin-1 (TCVN3 uses them for lower-case letters: "tiÕt" = tiết) are
// suspicious between two lower-case letters, where a real capital never stands.
const LATIN1_CAPITALS = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');
const FOREIGN_SET = new Set(FOREIGN_LATIN);
// The signs of TCVN3/VNI that no Western European word has either (unlike ß, ç, ñ, ü, å).
const STRONG = new Set('ª¨©«¬\u00adµ¶·¸¹»¼½¾ÖÏË×Þäëïöø');

/** Characters of a value that sit inside a word and are foreign to Vietnamese. */
function foreignInWord(value: string, only?: ReadonlySet<string>): number {
  let n = 0;
  const chars = [...value];
  chars.forEach((c, i) => {
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if (only !== undefined && !only.has(c)) return;
    if (FOREIGN_SET.has(c)) {
      if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) n++;
    } else if (LATIN1_CAPITALS.has(c) && /[a-z]/.test(before) && /[a-z]/.test(after)) {
      n++;
    }
  });
  return n;
}

/** Whether one text value looks like TCVN3/VNI bytes read as a Latin code page. */
export function looksLegacyVietnamese(value: string): boolean {
  // Real Vietnamese Unicode (composed) never contains these; a single stray "ß" in a German name
  // must not trigger the warning, so one word-internal hit is enough only in a short value.
  const hits = foreignInWord(value);
  return hits >= 2 || (hits === 1 && value.length <= 16 && foreignInWord(value, STRONG) === 1);
}

/**
 * A warning when most non-ASCII values of a field look TCVN3/VNI-encoded, else null.
 * Conservative: fields with only ASCII values, or with mostly clean Unicode, are never flagged.
 */
export function legacyEncodingWarning(field: string, values: readonly unknown[]): string | null {
  const texts = values.filter((v): v is string => typeof v === 'string' && /[^\x00-\x7f]/.test(v));
  if (texts.length === 0) return null;
  const suspicious = texts.filter(looksLegacyVietnamese).length;
  if (suspicious === 0 || suspicious * 2 < texts.length) return null;
  return `field ${field} looks TCVN3/VNI-encoded; convert it to Unicode (e.g. with Unikey's converter) — shown as is`;
}
