// Draws the furniture of an exported map image over the rendered map with Canvas 2D: title block
// (top left) with the data marks under it, north arrow (top right), legend (bottom left), scale bar
// (bottom right) and a footer with the date and the sources. Sizes follow the output width so a
// print and a slide look alike.
import type { Lang } from '../i18n/types';
import type { Swatch } from '../layers/types';
import type { LegendBlock } from '../presenter/types';
import { MARK_COLORS, type DataMark } from '../layers/data-marks';

/** A mark every image of such data carries: "Demonstration data — not real figures", "… schematic". */
export interface ImageMark {
  kind: DataMark;
  text: string;
}

export interface ComposeOptions {
  title: string;
  subtitle?: string;
  legend: LegendBlock[];
  marks?: ImageMark[];
  /** Ground metres per output pixel at the centre of the image. */
  scale: { metresPerPixel: number };
  bearing: number;
  dateText: string;
  sourceText: string;
  lang: Lang;
}

export const FONT_FAMILY = '"Noto Sans", system-ui, sans-serif';

// ---- pure helpers (unit-tested) ----

export interface ScaleBar {
  metres: number;
  px: number;
  label: string;
}

/** The longest 1/2/5 × 10ⁿ m bar that fits in `maxPx` pixels. */
export function scaleBar(metresPerPixel: number, maxPx: number): ScaleBar {
  if (!(metresPerPixel > 0) || !(maxPx > 0)) return { metres: 0, px: 0, label: '' };
  const maxMetres = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  // Guard against 10ⁿ just above maxMetres through floating-point error.
  const metres = [5, 2, 1, 0.5].map((k) => k * pow).find((m) => m <= maxMetres * (1 + 1e-9))!;
  const label = metres >= 1000 ? `${trim(metres / 1000)} km` : `${trim(metres)} m`;
  return { metres, px: metres / metresPerPixel, label };
}
const trim = (x: number) => String(Number(x.toPrecision(6)));

/** Base font size in px for an output width (16 px at 1600 px wide, never below 12). */
export function baseFontSize(width: number): number {
  return Math.max(12, (width / 1600) * 16);
}

/** Greedy word wrap; a word longer than the line is put on its own line (clipped by the caller). */
export function wrapText(measure: (s: string) => number, text: string, maxWidth: number, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last && measure(`${last}…`) > maxWidth) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
  }
  return lines;
}

// ---- drawing ----

const PANEL_BG = 'rgba(255, 255, 255, 0.9)';
const INK = '#1d1d1d';
const MUTED = '#444444';

export function composeExport(map: HTMLCanvasElement, o: ComposeOptions): HTMLCanvasElement {
  const W = map.width;
  const H = map.height;
  const out = document.createElement('canvas');
  out.width = W;
  out.height = H;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('Map image: no 2D canvas available');
  ctx.drawImage(map, 0, 0);

  const b = baseFontSize(W);
  const m = Math.round(b); // margin
  const font = (size: number, weight = 400) => `${weight} ${Math.round(size)}px ${FONT_FAMILY}`;
  const measureWith = (f: string) => (s: string) => {
    ctx.font = f;
    return ctx.measureText(s).width;
  };
  ctx.textBaseline = 'top';

  // Footer: date · sources, full width.
  const footFont = font(0.8 * b);
  const footLH = 0.8 * b * 1.35;
  const footLines = wrapText(measureWith(footFont), `${o.dateText} · ${o.sourceText}`, W - 2 * m, 3);
  const footH = footLines.length * footLH + m;
  ctx.fillStyle = PANEL_BG;
  ctx.fillRect(0, H - footH, W, footH);
  ctx.fillStyle = MUTED;
  ctx.font = footFont;
  footLines.forEach((l, i) => ctx.fillText(l, m, H - footH + m / 2 + i * footLH));

  // Title block.
  const titleFont = font(1.6 * b, 700);
  const subFont = font(b);
  const blockW = W * 0.6;
  const titleLines = wrapText(measureWith(titleFont), o.title, blockW - 2 * m, 2);
  const subLines = o.subtitle ? wrapText(measureWith(subFont), o.subtitle, blockW - 2 * m, 2) : [];
  const tLH = 1.6 * b * 1.25;
  const sLH = b * 1.35;
  const innerW = Math.max(...titleLines.map(measureWith(titleFont)), ...subLines.map(measureWith(subFont)), 0);
  const titleH = titleLines.length * tLH + subLines.length * sLH + m;
  ctx.fillStyle = PANEL_BG;
  roundRect(ctx, m, m, innerW + 2 * m * 0.75, titleH, b * 0.4);
  ctx.fill();
  ctx.fillStyle = INK;
  ctx.font = titleFont;
  titleLines.forEach((l, i) => ctx.fillText(l, m * 1.75, m * 1.5 + i * tLH));
  ctx.fillStyle = MUTED;
  ctx.font = subFont;
  subLines.forEach((l, i) => ctx.fillText(l, m * 1.75, m * 1.5 + titleLines.length * tLH + i * sLH));

  // Data marks under the title block, one solid box each.
  const markFont = font(1.05 * b, 700);
  const markH = 1.05 * b * 1.25 + m * 0.8;
  let markY = m + titleH + m * 0.5;
  for (const mk of o.marks ?? []) {
    ctx.font = markFont;
    const text = fitText(ctx, mk.text, W * 0.6 - 2 * m);
    const w = ctx.measureText(text).width + 1.6 * m;
    ctx.fillStyle = MARK_COLORS[mk.kind].fill;
    roundRect(ctx, m, markY, w, markH, b * 0.3);
    ctx.fill();
    ctx.fillStyle = MARK_COLORS[mk.kind].ink;
    ctx.fillText(text, m * 1.8, markY + m * 0.45);
    markY += markH + m * 0.4;
  }
  const marksH = markY - (m + titleH + m * 0.5);

  drawNorthArrow(ctx, W - m - 1.9 * b, m + 3.2 * b, 1.5 * b, o.bearing, o.lang === 'vi' ? 'B' : 'N', font(0.9 * b, 700));

  // Scale bar, bottom right above the footer.
  const bar = scaleBar(o.scale.metresPerPixel, W * 0.15);
  if (bar.px > 0) {
    const x1 = W - m * 2;
    const x0 = x1 - bar.px;
    const y = H - footH - m * 1.5;
    ctx.font = font(0.85 * b, 700);
    const labelW = ctx.measureText(bar.label).width;
    ctx.fillStyle = PANEL_BG;
    roundRect(ctx, x0 - m * 0.6, y - 1.6 * b, bar.px + m * 1.2, 2.3 * b, b * 0.3);
    ctx.fill();
    ctx.fillStyle = INK;
    ctx.fillText(bar.label, x0 + (bar.px - labelW) / 2, y - 1.35 * b);
    ctx.strokeStyle = INK;
    ctx.lineWidth = Math.max(2, b * 0.15);
    ctx.beginPath();
    ctx.moveTo(x0, y - 0.3 * b);
    ctx.lineTo(x0, y + 0.2 * b);
    ctx.lineTo(x1, y + 0.2 * b);
    ctx.lineTo(x1, y - 0.3 * b);
    ctx.stroke();
  }

  drawLegend(ctx, o.legend, {
    x: m, bottom: H - footH - m, maxW: W * 0.3, maxH: H - footH - titleH - marksH - 3 * m, b, font,
  });
  return out;
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  blocks: LegendBlock[],
  g: { x: number; bottom: number; maxW: number; maxH: number; b: number; font: (size: number, weight?: number) => string },
) {
  if (!blocks.length || g.maxH <= 0) return;
  const { b } = g;
  const pad = 0.6 * b;
  const headFont = g.font(0.9 * b, 700);
  const itemFont = g.font(0.85 * b);
  const lh = 0.85 * b * 1.45;
  const sw = { w: 1.8 * b, h: 1.05 * b };
  const textW = g.maxW - 2 * pad - sw.w - 0.5 * b;
  // Lay out first (rows), then draw the box behind them.
  type Row = { kind: 'head'; text: string } | { kind: 'item'; text: string; swatch: Swatch } | { kind: 'more' };
  const rows: Row[] = [];
  let h = pad * 2;
  let w = 0;
  const fits = (dh: number) => h + dh + lh <= g.maxH; // keep room for a "…" row
  outer: for (const block of blocks) {
    ctx.font = headFont;
    const head = fitText(ctx, block.title, g.maxW - 2 * pad);
    if (!fits(lh)) {
      rows.push({ kind: 'more' });
      h += lh;
      break;
    }
    rows.push({ kind: 'head', text: head });
    h += lh;
    w = Math.max(w, ctx.measureText(head).width);
    ctx.font = itemFont;
    for (const it of block.items) {
      if (!fits(lh)) {
        rows.push({ kind: 'more' });
        h += lh;
        break outer;
      }
      const text = fitText(ctx, it.label, textW);
      rows.push({ kind: 'item', text, swatch: it.swatch });
      h += lh;
      w = Math.max(w, sw.w + 0.5 * b + ctx.measureText(text).width);
    }
  }
  const boxW = Math.min(g.maxW, w + 2 * pad);
  const top = g.bottom - h;
  ctx.fillStyle = PANEL_BG;
  roundRect(ctx, g.x, top, boxW, h, b * 0.4);
  ctx.fill();
  let y = top + pad;
  for (const r of rows) {
    ctx.fillStyle = INK;
    if (r.kind === 'head') {
      ctx.font = headFont;
      ctx.fillText(r.text, g.x + pad, y + 0.1 * b);
    } else if (r.kind === 'item') {
      drawSwatch(ctx, r.swatch, g.x + pad, y + (lh - sw.h) / 2, sw.w, sw.h);
      ctx.fillStyle = INK;
      ctx.font = itemFont;
      ctx.fillText(r.text, g.x + pad + sw.w + 0.5 * b, y + 0.15 * b);
    } else {
      ctx.font = itemFont;
      ctx.fillText('…', g.x + pad, y);
    }
    y += lh;
  }
}

/** A legend swatch as the side panel draws it (src/ui/Swatch.tsx), scaled to w × h. */
export function drawSwatch(ctx: CanvasRenderingContext2D, s: Swatch, x: number, y: number, w: number, h: number): void {
  const k = h / 18; // Swatch.tsx draws in an 28 × 18 box
  ctx.save();
  ctx.setLineDash([]);
  switch (s.kind) {
    case 'fill':
      ctx.fillStyle = s.color;
      ctx.fillRect(x + k, y + k, w - 2 * k, h - 2 * k);
      ctx.strokeStyle = s.outline ?? '#555555';
      ctx.lineWidth = Math.max(1, k);
      ctx.strokeRect(x + k, y + k, w - 2 * k, h - 2 * k);
      break;
    case 'line':
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width * k;
      if (s.dash) ctx.setLineDash(s.dash.map((d) => d * s.width * k));
      ctx.beginPath();
      ctx.moveTo(x + 2 * k, y + h / 2);
      ctx.lineTo(x + w - 2 * k, y + h / 2);
      ctx.stroke();
      break;
    case 'circle':
      ctx.fillStyle = s.color;
      ctx.strokeStyle = s.stroke ?? '#ffffff';
      ctx.lineWidth = 1.5 * k;
      ctx.beginPath();
      ctx.arc(x + w / 2, y + h / 2, 6 * k, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      break;
  }
  ctx.restore();
}

/** North arrow centred at (cx, cy), pointing to north on a map rotated by `bearing` degrees. */
function drawNorthArrow(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, bearing: number, letter: string, font: string) {
  ctx.save();
  ctx.fillStyle = PANEL_BG;
  ctx.beginPath();
  ctx.arc(cx, cy, r * 1.25, 0, 2 * Math.PI);
  ctx.fill();
  ctx.translate(cx, cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(r * 0.45, r * 0.6);
  ctx.lineTo(0, r * 0.3);
  ctx.lineTo(-r * 0.45, r * 0.6);
  ctx.closePath();
  ctx.fillStyle = INK;
  ctx.fill();
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = INK;
  ctx.fillText(letter, 0, -r * 1.3);
  ctx.restore();
}

function fitText(ctx: CanvasRenderingContext2D, text: string, maxW: number): string {
  if (ctx.measureText(text).width <= maxW) return text;
  let t = text;
  while (t && ctx.measureText(`${t}…`).width > maxW) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}
