// A horizontal bar chart drawn with HTML: each bar carries its figure as text, and
// the chart is a list a screen reader reads row by row, so nothing depends on seeing
// the bars' lengths or colours.

/** One bar: its label, value out of max, and the text said for it. */
export interface Bar {
  id: string;
  label: string;
  value: number;
  max: number;
  /** The figure in words, e.g. "3 of 5 items (60%)". */
  text: string;
  /** Optional marker (e.g. the mastery score) as a fraction of max. */
  marker?: number;
  markerLabel?: string;
}

/** A titled bar chart. */
export function BarChart({ id, title, bars, empty }: { id: string; title: string; bars: readonly Bar[]; empty: string }) {
  return (
    <figure className="wb-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="wb-chart-title">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="wb-hint">{empty}</p>
      ) : (
        <ul className="wb-chart-bars">
          {bars.map((bar) => {
            const fraction = bar.max > 0 ? Math.min(1, bar.value / bar.max) : 0;
            return (
              <li key={bar.id} className="wb-chart-row">
                <span className="wb-chart-label">{bar.label}</span>
                <span className="wb-chart-track" aria-hidden="true">
                  <span className="wb-chart-fill" style={{ width: `${fraction * 100}%` }} />
                  {bar.marker !== undefined && <span className="wb-chart-marker" style={{ left: `${Math.min(1, bar.marker) * 100}%` }} title={bar.markerLabel} />}
                </span>
                <span className="wb-chart-value">{bar.text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
