// A bar chart drawn as a table: each row names its item, states its figure in
// words, and draws a bar beside it. The table is what assistive technology reads;
// the bars only repeat the numbers for the eye.
import { useId } from 'react';

/** One row of a bar chart. */
export interface BarRow {
  key: string;
  label: string;
  /** Length of the bar, 0-100. */
  percent: number;
  /** The figure in words, e.g. "3 of 5 items (60%)". */
  value: string;
  /** An optional further column, e.g. whether the pass mark was reached. */
  note?: string;
}

/** Props of BarTable. */
export interface BarTableProps {
  title: string;
  /** Header of the first column, e.g. "Module". */
  itemHeader: string;
  valueHeader: string;
  noteHeader?: string;
  rows: BarRow[];
  /** Said instead of the table when there is nothing to chart. */
  empty: string;
}

/** A titled section holding one chart as a table with bars. */
export function BarTable({ title, itemHeader, valueHeader, noteHeader, rows, empty }: BarTableProps) {
  const headingId = useId();
  return (
    <section className="hcs-chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{itemHeader}</th>
              <th scope="col">{valueHeader}</th>
              {noteHeader && <th scope="col">{noteHeader}</th>}
              <th scope="col" className="hcs-bar-cell">
                <span className="hcs-visually-hidden">Bar</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
                {noteHeader && <td>{row.note ?? ''}</td>}
                <td className="hcs-bar-cell" aria-hidden="true">
                  <span className="hcs-bar-track">
                    <span className="hcs-bar" style={{ width: `${Math.max(0, Math.min(100, row.percent))}%` }} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
