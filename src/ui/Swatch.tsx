import type { Swatch as SwatchSpec } from '../layers/types';

/** A legend swatch drawn with the exact colours the map layer uses. */
export function Swatch(props: { swatch: SwatchSpec }) {
  const s = () => props.swatch;
  return (
    <svg class="swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" data-color={s().color}>
      {(() => {
        const sw = s();
        switch (sw.kind) {
          case 'fill':
            return <rect x="1" y="1" width="26" height="16" fill={sw.color} fill-opacity={sw.opacity ?? 1} stroke={sw.outline ?? '#555'} stroke-width="1" />;
          case 'line':
            return (
              <line x1="2" y1="9" x2="26" y2="9" stroke={sw.color} stroke-width={sw.width}
                stroke-dasharray={sw.dash ? sw.dash.map((d) => d * sw.width).join(' ') : undefined} />
            );
          case 'circle':
            return <circle cx="14" cy="9" r="6" fill={sw.color} stroke={sw.stroke ?? '#fff'} stroke-width="1.5" />;
        }
      })()}
    </svg>
  );
}
