import { EDGE_STYLES, GROUP_STYLE, NODE_STYLES } from './styling.js';

const DASHES = { solid: undefined, dashed: '6 4', dotted: '1.5 3' } as const;

export function Legend() {
  return (
    <section aria-labelledby="legend-title" className="legend">
      <h2 id="legend-title">Legend</h2>
      <ul aria-label="Entity types">
        {Object.entries({ ...NODE_STYLES, DEVICE_GROUP: GROUP_STYLE }).map(([type, style]) => (
          <li key={type}>
            <span className={`swatch shape-${style.shape}`} style={{ background: style.colour }} aria-hidden="true" />
            {style.name}
          </li>
        ))}
      </ul>
      <ul aria-label="Claim confidence">
        {Object.entries(EDGE_STYLES).map(([confidence, style]) => (
          <li key={confidence}>
            <svg width="36" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="36" y2="5" stroke={style.colour} strokeWidth={style.width} strokeDasharray={DASHES[style.line]} />
            </svg>
            {style.meaning}
          </li>
        ))}
      </ul>
    </section>
  );
}
