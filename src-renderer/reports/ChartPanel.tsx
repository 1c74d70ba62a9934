/** A titled box around one chart, laid out two to a row on screen and one per row on paper. */
import type { ReactNode } from 'react';

export function ChartPanel({ title, note, wide, children }: { title: string; note?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`chart-panel${wide ? ' wide' : ''}`}>
      <h2>{title}</h2>
      {note && <p className="chart-note">{note}</p>}
      {children}
    </section>
  );
}
