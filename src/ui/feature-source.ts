// Where a feature comes from, as the info card tells it: the source of its facts (document number
// and date, or dataset and licence), the confidence (H/M/U), the badge, and how its geometry was
// made. Every text comes from the bilingual catalogs below: the data files' `geometry_source` notes
// are English working notes, so they are matched by pattern and never shown raw. Pure.
import type { LayerEntry, Provenance } from '../layers/types';
import type { Lang, Localized } from '../i18n/types';

type Props = Record<string, unknown>;
export type Confidence = 'H' | 'M' | 'U';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function confidenceOf(p: Props): Confidence | null {
  return p.confidence === 'H' || p.confidence === 'M' || p.confidence === 'U' ? p.confidence : null;
}

/**
 * The badge beside the source. Demonstration data stays demonstration whatever it claims; otherwise
 * the confidence decides (H → official, M or U → indicative); without one, the feature's own
 * `provenance`, else the layer's.
 */
export function badgeOf(entry: LayerEntry, p: Props): Provenance {
  const own = (['official', 'indicative', 'demonstration'] as const).find((x) => x === p.provenance);
  if (entry.provenance === 'demonstration' || own === 'demonstration' || p.demo === true) return 'demonstration';
  const c = confidenceOf(p);
  if (c === 'H') return 'official';
  if (c === 'M' || c === 'U') return 'indicative';
  return own ?? entry.provenance;
}

// ---- how the geometry was made ----

const DIR: Record<string, Localized> = { south: { vi: 'nam', en: 'south' }, west: { vi: 'tây', en: 'west' }, north: { vi: 'bắc', en: 'north' }, east: { vi: 'đông', en: 'east' } };
const haVi = (x: string) => x.replace('.', ',');

/** Known `geometry_source` notes (as written by the geodata build), most specific first. */
const GEOMETRY: { re: RegExp; text: (m: RegExpMatchArray, s: string) => Localized }[] = [
  {
    re: /^Schematic: power-diagram partition of the generalised 2025 ward '([^']+)'/,
    text: (m) => ({
      vi: `Sơ đồ: phường ${m[1]} năm 2025 (khái quát hóa) được chia cho các xã, thị trấn cũ theo diện tích tham chiếu; không phải ranh giới pháp lý.`,
      en: `Schematic: the generalised 2025 ward ${m[1]} divided among its former units by their reference areas; not a legal boundary.`,
    }),
  },
  {
    re: /^Generalised \(≤\s*(\d+) m[^)]*\) from the national merger map/,
    text: (m) => ({
      vi: `Khái quát hóa (sai lệch ≤ ${m[1]} m, giữ quan hệ kề nhau) từ bản đồ sáp nhập đơn vị hành chính 2025.`,
      en: `Generalised (within ${m[1]} m, shared boundaries kept) from the 2025 administrative merger map.`,
    }),
  },
  {
    re: /^Union of the 4 generalised 2025 wards/,
    text: (_m, s) => {
      const d = /differs by ~([\d.]+)%/.exec(s)?.[1];
      return {
        vi: `Hợp của 4 phường năm 2025 (khái quát hóa)${d ? `; ranh giới huyện năm 2019 khác khoảng ${haVi(d)}%` : ''}.`,
        en: `Union of the four 2025 wards (generalised)${d ? `; the 2019 district outline differs by about ${d}%` : ''}.`,
      };
    },
  },
  {
    re: /sized to a plausible demonstration area \(~([\d.]+) ha/,
    text: (m) => ({
      vi: `Gần đúng: vẽ trong xã sở tại với diện tích giả định khoảng ${haVi(m[1]!)} ha (diện tích thật chưa công bố); chưa có ranh giới chính thức.`,
      en: `Indicative: drawn inside the host units at an assumed ~${m[1]} ha (the real area is not published); no official boundary is published.`,
    }),
  },
  {
    re: /^Indicative: grown from an anchor inside (?:the host units|its unit\(s\)) and sized to the stated area/,
    text: (_m, s) => {
      const ha = /stated area \(~([\d.]+) ha\)/.exec(s)?.[1];
      return {
        vi: `Gần đúng: vẽ quanh một điểm trong xã sở tại, theo diện tích đã công bố${ha ? ` (khoảng ${haVi(ha)} ha)` : ''}; chưa có ranh giới chính thức.`,
        en: `Indicative: drawn around a point inside the host unit(s) and sized to the published area${ha ? ` (~${ha} ha)` : ''}; no official boundary is published.`,
      };
    },
  },
  {
    re: /^Indicative: the district boundary's south and west arc/,
    text: (_m, s) => {
      const off = /offset ~(\d+) m/.exec(s)?.[1];
      return {
        vi: `Gần đúng: theo đoạn ranh giới phía nam và phía tây của thị xã (sông là ranh giới)${off ? `, dời ra ngoài khoảng ${off} m` : ''}; không phải tim sông đo đạc.`,
        en: `Indicative: follows the south and west arc of the town boundary (the river is the boundary)${off ? `, moved about ${off} m outward` : ''}; not a surveyed river centreline.`,
      };
    },
  },
  {
    re: /^Indicative: hand-traced schematic alignment through (\d+) waypoints/,
    text: (m, s) => {
      const edge = /only its position on the (south|west|north|east) edge of KCN ([^.]+?) is known/.exec(s);
      const d = edge ? DIR[edge[1]!]! : null;
      return {
        vi: `Gần đúng: tuyến sơ đồ vẽ tay qua ${m[1]} điểm theo mô tả, cắt theo ranh giới thị xã; không phải tuyến đo đạc.${d ? ` Chỉ biết tuyến chạy dọc cạnh phía ${d.vi} KCN ${edge![2]}.` : ''}`,
        en: `Indicative: a schematic line traced by hand through ${m[1]} points from descriptions, clipped to the town; not a surveyed alignment.${d ? ` Only its position along the ${d.en} edge of KCN ${edge![2]} is known.` : ''}`,
      };
    },
  },
  {
    re: /^Indicative: planned by the resolution, no site published; drawn as (?:a )?~([\d.]+) ha/,
    text: (m) => ({
      vi: `Gần đúng: công trình quy hoạch theo nghị quyết, chưa công bố vị trí; vẽ minh họa khoảng ${haVi(m[1]!)} ha.`,
      en: `Indicative: planned by the resolution, no site published; drawn as about ${m[1]} ha to show it.`,
    }),
  },
  {
    re: /^Indicative: planned by the resolution, no site published/,
    text: () => ({
      vi: 'Gần đúng: công trình quy hoạch theo nghị quyết, chưa công bố vị trí; điểm đặt tay để thể hiện chủ trương.',
      en: 'Indicative: planned by the resolution, no site published; a point placed by hand to show the intent.',
    }),
  },
  {
    re: /^Indicative: position placed by hand inside its unit/,
    text: () => ({
      vi: 'Gần đúng: điểm đặt tay trong xã sở tại (chưa có tọa độ công bố).',
      en: 'Indicative: a point placed by hand inside its unit (no published coordinates).',
    }),
  },
  {
    re: /^Indicative: boundary unpublished; convex hull (\d+) m around/,
    text: (m) => ({
      vi: `Gần đúng: ranh giới chưa công bố; vùng bao ${m[1]} m quanh các di tích, làng nghề chính, trong các xã sở tại và ngoài đất công nghiệp.`,
      en: `Indicative: boundary not published; the area within ${m[1]} m of the main sites, kept to its units and off industrial land.`,
    }),
  },
  {
    // Places from source/resolution-places.json placed at their commune's reference point.
    re: /^Indicative: the reference point of (township|commune) ([^(]+?) \(\d+[^)]*\): the sources name the unit, not a site/,
    text: (m, s) => {
      const moved = /shown (\d+) m from it because (\d+) places share it/.exec(s);
      const unitVi = `${m[1] === 'township' ? 'thị trấn' : 'xã'} ${m[2]}`;
      const unitEn = `${m[1] === 'township' ? 'township' : 'commune'} ${m[2]}`;
      return {
        vi: `Gần đúng: điểm tham chiếu của ${unitVi} (nguồn chỉ nêu tên đơn vị, không nêu vị trí); chưa có vị trí công bố${moved ? `; đặt cách điểm đó ${moved[1]} m vì ${moved[2]} địa điểm dùng chung điểm` : ''}.`,
        en: `Indicative: the reference point of ${unitEn} (the sources name the unit, not a site); no published position${moved ? `; shown ${moved[1]} m from it because ${moved[2]} places share it` : ''}.`,
      };
    },
  },
  {
    re: /^Published position: position of (.+?) from the facts table \([^,)]*,\s*([HMU])\)/,
    text: (m) => ({
      vi: `Vị trí đã công bố: vị trí của ${m[1]} theo bảng dữ kiện có nguồn của dự án (độ tin cậy ${m[2]}).`,
      en: `Published position: that of ${m[1]} in the project's sourced facts table (confidence ${m[2]}).`,
    }),
  },
  {
    re: /^Coordinates from the facts table \(([HMU])\)/,
    text: (m) => ({
      vi: `Tọa độ theo bảng dữ kiện có nguồn của dự án (độ tin cậy ${m[1]}).`,
      en: `Coordinates from the project's sourced facts table (confidence ${m[1]}).`,
    }),
  },
  {
    re: /^Demonstration: fictional plan polygon/,
    text: () => ({
      vi: 'Dữ liệu trình diễn: ranh giới quy hoạch giả định, không phải quy hoạch thật.',
      en: 'Demonstration data: a fictional plan outline, not a real plan.',
    }),
  },
];

/** The localized text of a known `geometry_source` note, or null when it is not one of them. */
export function knownGeometryText(note: string, lang: Lang): string | null {
  for (const g of GEOMETRY) {
    const m = g.re.exec(note);
    if (m) return g.text(m, note)[lang];
  }
  return null;
}

/** How the geometry was made, in `lang`: a known note, else the layer's own (bilingual) note. */
export function geometryText(entry: LayerEntry, p: Props, lang: Lang): string {
  return knownGeometryText(str(p.geometry_source), lang) ?? entry.provenanceNote[lang];
}

// ---- where the facts come from ----

const FACTS_TABLE: Localized = {
  vi: 'Bảng dữ kiện của dự án, tổng hợp từ nguồn công khai có ghi nguồn',
  en: 'The project’s facts table, compiled from cited public sources',
};
const MERGER_MAP: Localized = {
  vi: 'bản đồ sáp nhập 2025 qua lamngockhuong/vietnam-3d-map (giấy phép MIT)',
  en: 'the 2025 merger map via lamngockhuong/vietnam-3d-map (MIT licence)',
};

/** Per layer: the source of its features' facts. */
const LAYER_SOURCE: Record<string, Localized> = {
  units: {
    vi: `Mã, tên: danh mục đơn vị hành chính (TCTK); diện tích, dân số: NQ 938/NQ-UBTVQH15 (13/12/2023) và nguồn thứ cấp; ranh giới: sơ đồ dựng từ ${MERGER_MAP.vi}`,
    en: `Codes and names: the GSO list of administrative units; areas and populations: 938/NQ-UBTVQH15 (13 Dec 2023) and secondary sources; boundaries: schematic, built from ${MERGER_MAP.en}`,
  },
  wards: {
    vi: `NQ 1658/NQ-UBTVQH15 (16/06/2025, hiệu lực 1/7/2025); ranh giới, diện tích, dân số: ${MERGER_MAP.vi}`,
    en: `1658/NQ-UBTVQH15 (16 Jun 2025, in force 1 Jul 2025); boundary, area and population: ${MERGER_MAP.en}`,
  },
  district: {
    vi: `Diện tích, dân số: NQ 938/NQ-UBTVQH15 (13/12/2023); ranh giới: hợp 4 phường theo ${MERGER_MAP.vi}`,
    en: `Area and population: 938/NQ-UBTVQH15 (13 Dec 2023); boundary: union of the four wards of ${MERGER_MAP.en}`,
  },
  industry: {
    vi: `${FACTS_TABLE.vi} (cổng thông tin tỉnh, báo chí); chưa có quyết định ranh giới được công bố`,
    en: `${FACTS_TABLE.en} (provincial portal, press); no boundary decision is published`,
  },
  infrastructure: { vi: `${FACTS_TABLE.vi} (mô tả tuyến, công trình)`, en: `${FACTS_TABLE.en} (route and facility descriptions)` },
  tourism: FACTS_TABLE,
  'plans-demo': {
    vi: 'Sổ quy hoạch trình diễn đi kèm ứng dụng: tên, số quyết định và ngày đều giả định',
    en: 'The demonstration register bundled with the app: names, decision numbers and dates are fictional',
  },
  coverage: { vi: 'Tính từ sổ quy hoạch đang dùng', en: 'Computed from the plan register in use' },
};
const LAYER_OF: Record<string, string> = {
  'units-2021': 'units', 'units-2024': 'units', 'units-absorbed': 'units', 'wards-2025-areas': 'wards', 'wards-2025': 'wards',
};

/** Per feature, where a document is known (the golf course's decisions, the pagoda's ranking). */
const FEATURE_SOURCE: Record<string, Localized> = {
  'san-golf-viet-yen': {
    vi: 'QĐ 268/QĐ-UBND (14/02/2019, quy hoạch chi tiết 1/500); QĐ 205/QĐ-UBND (2022, điều chỉnh còn 141,4 ha) — theo báo chí',
    en: '268/QĐ-UBND (14 Feb 2019, 1/500 detailed plan); 205/QĐ-UBND (2022, revised to 141.4 ha) — as reported in the press',
  },
  'chua-bo-da': {
    vi: `${FACTS_TABLE.vi}: xếp hạng di tích quốc gia đặc biệt (2016), tọa độ đã kiểm chứng`,
    en: `${FACTS_TABLE.en}: special national monument (2016), verified coordinates`,
  },
};

/** Documents a feature names itself (`plan_ref`), localized where known. */
const PLAN_REF: Record<string, Localized> = {
  '162-NQ/TU (2021)': { vi: 'Nghị quyết 162-NQ/TU (10/09/2021) nêu công trình; chưa công bố vị trí', en: 'Resolution 162-NQ/TU (10 Sep 2021) calls for it; no site published' },
};

const dateText = (iso: string, lang: Lang): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
};

/**
 * A feature's own citation (`source`: "title (YYYY-MM-DD) — URL", "vi.wikipedia, article '…'
 * (revision diff N)", "… — unverified") with its English working words and dates localized.
 */
export function citationText(source: string, lang: Lang): string {
  return source
    .replace(/^vi\.wikipedia, article '([^']+)' \(revision diff (\d+)\)/, (_m, a: string, r: string) =>
      lang === 'vi' ? `Wikipedia tiếng Việt, bài “${a}” (phiên bản ${r})` : `Vietnamese Wikipedia, article “${a}” (revision ${r})`)
    .replace(/\((\d{4}-\d{2}-\d{2})\)/g, (_m, d: string) => `(${dateText(d, lang)})`)
    .replace(/ — unverified$/, lang === 'vi' ? ' — chưa kiểm chứng' : ' — unverified');
}

/** The source of a feature's facts: document number and date, or dataset and licence. */
export function sourceText(entry: LayerEntry, p: Props, lang: Lang): string {
  const id = str(p.id);
  const own = str(p.source);
  if (own) return citationText(own, lang);
  const parts: string[] = [];
  const ref = str(p.plan_ref);
  if (ref) parts.push(PLAN_REF[ref]?.[lang] ?? ref);
  const decision = str(p.decision);
  if (decision && entry.provenance !== 'demonstration') parts.push(p.approved_on ? `${decision} (${dateText(str(p.approved_on), lang)})` : decision);
  if (FEATURE_SOURCE[id] && entry.group !== 'imported') parts.push(FEATURE_SOURCE[id]![lang]);
  else {
    const layer = LAYER_SOURCE[LAYER_OF[entry.id] ?? entry.id];
    // Imported layers: their own note names the file and when it was loaded.
    parts.push(layer ? layer[lang] : entry.provenanceNote[lang].replace(/\.$/, ''));
  }
  return parts.join('; ');
}
