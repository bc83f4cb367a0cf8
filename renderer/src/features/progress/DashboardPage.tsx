import { useState } from 'react';
import type { Dashboard } from '../../../../shared/api/types';
import { GOAL_COUNT_WORDS, type GoalCount } from '../../../../shared/domain/progress';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { formatVnNumber } from '../../../../shared/domain/vn-number';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';
import { Chart, ChartPicture } from '../../components/Chart';
import { PeriodPicker } from '../../components/PeriodPicker';
import { Dialog } from '../../components/Dialog';
import { EmptyState, ErrorBox, Loading } from '../../components/Feedback';
import { TrendView } from './MeasureCharts';

const COUNTS: GoalCount[] = ['met', 'not_met', 'no_data', 'other'];

/** Tổng quan: is the working period on track, and who is behind. */
export function DashboardPage() {
  const periods = useAsync(() => api.call('period-list', {}), []);
  const working = useAsync(() => api.call('working-period-get', {}), []);
  const [periodId, setPeriodId] = useState<number>();
  const compiled = periods.data?.filter((p) => p.parentUnitId !== null) ?? [];
  const chosen = periodId ?? (working.data || working.error ? (working.data?.periodId ?? compiled[0]?.id) : undefined);
  const board = useAsync(() => (chosen ? api.call('dashboard-get', { periodId: chosen }) : Promise.resolve(null)), [chosen]);
  const [trend, setTrend] = useState<{ measureId: number; code: string } | null>(null);

  if (periods.error) return <ErrorBox message={periods.error} />;
  if (!periods.data || (!working.data && !working.error)) return <Loading />;
  if (compiled.length === 0) {
    return (
      <section className="page">
        <h1>Tổng quan</h1>
        <EmptyState title="Chưa có kỳ báo cáo để xem tổng quan">
          <p>
            Lập kỳ báo cáo ở mục <a href="#/">Kỳ báo cáo</a> và nhận báo cáo của các đơn vị; trang này sẽ cho thấy chỉ tiêu nào đạt, chưa đạt và đơn vị nào còn chậm.
          </p>
        </EmptyState>
      </section>
    );
  }
  const d = board.data;
  return (
    <section className="page">
      <header className="page-head page-head-compact">
        <div>
          <h1>Tổng quan</h1>
          <p className="page-lead">Kết quả của kỳ so với chỉ tiêu, tiến độ đến mục tiêu cuối giai đoạn và việc nhận báo cáo.</p>
        </div>
      </header>
      <div className="filter-bar">
        <PeriodPicker label="Chọn kỳ" periods={compiled} value={chosen} onChange={setPeriodId} />
      </div>
      <ErrorBox message={board.error} />
      {!d ? board.error ? null : <Loading /> : <Board d={d} onTrend={setTrend} />}
      {trend && d ? (
        <Dialog title={`Xu hướng chỉ tiêu ${trend.code}`} onClose={() => setTrend(null)} wide>
          <TrendView periodId={d.period.id} measureId={trend.measureId} />
        </Dialog>
      ) : null}
    </section>
  );
}

function Board({ d, onTrend }: { d: Dashboard; onTrend: (m: { measureId: number; code: string }) => void }) {
  const received = d.received.days.at(-1)?.count ?? 0;
  const due = [...new Set(d.received.deadlines.map((x) => formatIsoDate(x.dueOn)))].join(', ');
  return (
    <>
      <p className="dashboard-summary" data-testid="dashboard-summary">
        <b>{d.compiledBy}</b> · {d.period.name}: <b>{d.withData}</b>/{d.measureCount} chỉ tiêu có số liệu · đã nhận báo cáo của <b>{received}</b>/{d.received.expected} đơn vị
        {d.received.late ? (
          <>
            {' '}
            · <span className="warn-text">{d.received.late} đơn vị trễ hạn</span>
          </>
        ) : null}
        {due ? ` · hạn ${due}` : ''}
      </p>
      {received === 0 ? (
        <EmptyState title="Kỳ này chưa nhận báo cáo nào">
          <p>
            Gửi biểu mẫu cho các đơn vị và nhận tệp đã điền ở mục <a href="#/">Kỳ báo cáo</a>; các biểu đồ dưới đây sẽ có số liệu.
          </p>
        </EmptyState>
      ) : null}
      <div className="dashboard-grid">
        {d.charts.goals ? (
          <Chart
            title="Kết quả theo mục tiêu"
            chart={d.charts.goals}
            caption="Số chỉ tiêu đạt, chưa đạt chỉ tiêu của năm, chưa có số liệu."
            table={
              <GoalTable label="Kết quả theo mục tiêu" goals={d.goals} columns={COUNTS.map((k) => ({ head: GOAL_COUNT_WORDS[k], of: (g) => g.counts[k] }))} />
            }
          />
        ) : null}
        {d.charts.phase && d.phaseYear !== null ? (
          <Chart
            title={`Tiến độ đến mục tiêu năm ${d.phaseYear}`}
            chart={d.charts.phase}
            caption={`Số chỉ tiêu mà kết quả kỳ này đã đạt mục tiêu cuối giai đoạn (${d.phaseYear}).`}
            table={
              <GoalTable
                label={`Tiến độ đến mục tiêu năm ${d.phaseYear}`}
                goals={d.goals}
                columns={[
                  { head: 'Đã đạt', of: (g) => g.phase.met },
                  { head: 'Chưa đạt', of: (g) => g.phase.not_met },
                  { head: 'Chưa có số liệu', of: (g) => g.phase.no_data },
                ]}
              />
            }
          />
        ) : null}
        <Chart
          title="Báo cáo đã nhận theo ngày"
          chart={d.charts.received}
          caption={`Số đơn vị đã gửi báo cáo (lần gửi đầu tiên) đến mỗi ngày, so với hạn và với ${d.received.expected} đơn vị phải báo cáo.`}
          table={
            d.received.days.length ? (
              <table className="table table-compact" aria-label="Báo cáo đã nhận theo ngày">
                <thead>
                  <tr>
                    <th>Ngày</th>
                    <th className="num">Đã nhận (cộng dồn)</th>
                  </tr>
                </thead>
                <tbody>
                  {d.received.days.map((x) => (
                    <tr key={x.date}>
                      <td>{formatIsoDate(x.date)}</td>
                      <td className="num">{x.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : undefined
          }
        />
        <section className="chart" aria-label="Các chỉ tiêu còn xa chỉ tiêu nhất">
          <b>Năm chỉ tiêu còn xa chỉ tiêu nhất</b>
          {d.furthest.length === 0 ? (
            <p className="muted">{d.withData ? 'Không có chỉ tiêu nào chưa đạt.' : 'Chưa có số liệu để so với chỉ tiêu.'}</p>
          ) : (
            <>
              {d.charts.furthest ? <ChartPicture chart={d.charts.furthest} label="Khoảng cách đến chỉ tiêu" /> : null}
              <ol className="furthest-list">
                {d.furthest.map((f) => (
                  <li key={f.measureId}>
                    <button type="button" className="link" onClick={() => onTrend({ measureId: f.measureId, code: f.code })} title="Xem kết quả qua các kỳ">
                      {f.code}. {f.name}
                    </button>
                    <span className="small muted">
                      {' '}
                      — kết quả {f.value === null ? '—' : formatVnNumber(f.value, { maxDecimals: 2 })}, chỉ tiêu {f.targetText}: {f.gapText}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** A goal per row, its code and title, then counts. */
function GoalTable({ label, goals, columns }: { label: string; goals: Dashboard['goals']; columns: { head: string; of: (g: Dashboard['goals'][number]) => number }[] }) {
  return (
    <table className="table table-compact" aria-label={label}>
      <thead>
        <tr>
          <th>Mục tiêu</th>
          {columns.map((c) => (
            <th key={c.head} className="num">
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {goals.map((g) => (
          <tr key={g.code}>
            <td>
              {g.code}. {g.title}
            </td>
            {columns.map((c) => (
              <td key={c.head} className="num">
                {c.of(g)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
