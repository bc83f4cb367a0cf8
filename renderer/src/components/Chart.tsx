import type { ReactNode } from 'react';
import type { ChartSvg } from '../../../shared/api/types';

/** The drawing itself, as wide as it was drawn at most. */
export function ChartPicture({ chart, label }: { chart: ChartSvg; label: string }) {
  return <div className="chart-svg" role="img" aria-label={label} style={{ maxWidth: chart.width }} dangerouslySetInnerHTML={{ __html: chart.svg }} />;
}

/**
 * A chart drawn by the backend (ECharts, SVG; the same picture as in the PDF), with its title and
 * the figures behind it as a table to open: what a reader copies or checks is the table.
 * The SVG is the backend's own drawing of our figures (text escaped, no scripts or style
 * attributes), so it can sit in the page under the strict CSP.
 */
export function Chart(props: { title: string; chart: ChartSvg; caption?: ReactNode; table?: ReactNode; tableLabel?: string }) {
  return (
    <figure className="chart" aria-label={props.title}>
      <figcaption>
        <b>{props.title}</b>
        {props.caption ? <div className="small muted">{props.caption}</div> : null}
      </figcaption>
      <ChartPicture chart={props.chart} label={props.title} />
      {props.table ? (
        <details className="chart-table">
          <summary>{props.tableLabel ?? 'Xem bảng số liệu'}</summary>
          {props.table}
        </details>
      ) : null}
    </figure>
  );
}
