// What the shapes mean, in words beside each one.

const SHAPES = [
  { kind: 'start', words: '▶ Start: rounded ends' },
  { kind: 'point', words: 'Node: square corners' },
  { kind: 'ending-positive', words: '✓ Ending (positive): endings have cut corners' },
  { kind: 'ending-mixed', words: '◐ Ending (mixed)' },
  { kind: 'ending-negative', words: '✕ Ending (negative)' },
  { kind: 'ghost', words: 'Missing node: dashed' },
  { kind: 'marked', words: '⚠ a problem, named' },
] as const;

/** The legend of the graph's shapes. */
export function GraphLegend() {
  return (
    <ul className="sg-legend" aria-label="Legend">
      {SHAPES.map((s) => (
        <li key={s.kind}>
          <svg width="26" height="16" aria-hidden="true" focusable="false">
            {s.kind.startsWith('ending') ? (
              <path className={`sg-shape sg-shape-${s.kind}`} d="M5,1 H21 L25,5 V11 L21,15 H5 L1,11 V5 Z" />
            ) : (
              <rect className={`sg-shape sg-shape-${s.kind === 'marked' ? 'point sg-shape-marked' : s.kind}`} x="1" y="1" width="24" height="14" rx={s.kind === 'start' ? 7 : 2} />
            )}
          </svg>
          {s.words}
        </li>
      ))}
    </ul>
  );
}
