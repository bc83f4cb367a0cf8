import type { TrendChart, UnitsChart } from '../../../../shared/api/types';
import { ASSESSMENTS } from '../../../../shared/domain/rollup';
import { formatVnNumber } from '../../../../shared/domain/vn-number';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';
import { Chart } from '../../components/Chart';
import { ErrorBox, Loading } from '../../components/Feedback';

const fig = (n: number | null, decimals: number) => (n === null ? '—' : formatVnNumber(n, { decimals }));

/** A measure over the periods of its phase: the chart, what it shows and why, and its figures as a table. */
export function TrendView({ periodId, measureId }: { periodId?: number; measureId: number }) {
  const trend = useAsync(() => api.call('chart-trend', { periodId, measureId }), [periodId, measureId]);
  if (trend.error) return <ErrorBox message={trend.error} />;
  if (!trend.data) return <Loading />;
  const t: TrendChart = trend.data;
  const phase = t.phaseTargets.map((p) => `mục tiêu ${p.year}: ${p.text}`).join('; ');
  return (
    <Chart
      title={`Xu hướng chỉ tiêu ${t.code}: ${t.name}`}
      chart={t.chart}
      caption={
        <>
          {t.scopeText}. Chỉ số {t.directionText}
          {phase ? `; ${phase}` : ''}. Điểm xanh: đạt chỉ tiêu của năm, đỏ: chưa đạt; chỗ đứt: kỳ chưa có số liệu.
          {t.points.every((p) => p.value === null) ? <div className="warn-text">Chưa kỳ nào có số liệu của chỉ tiêu này: nhận báo cáo của các đơn vị rồi xem lại.</div> : null}
        </>
      }
      table={
        <table className="table table-compact" aria-label="Số liệu xu hướng">
          <thead>
            <tr>
              <th>Kỳ</th>
              <th className="num">Kết quả ({t.unitLabel})</th>
              <th className="num">Chỉ tiêu của năm</th>
              <th>Đánh giá</th>
            </tr>
          </thead>
          <tbody>
            {t.points.map((p) => (
              <tr key={p.periodId}>
                <td>{p.label}</td>
                <td className="num">{fig(p.value, t.displayDecimals)}</td>
                <td className="num">{p.target?.text ?? '—'}</td>
                <td>{ASSESSMENTS[p.assessment]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** One measure across the period's units, best first, with the target line. */
export function UnitsView({ periodId, measureId }: { periodId: number; measureId: number }) {
  const units = useAsync(() => api.call('chart-units', { periodId, measureId }), [periodId, measureId]);
  if (units.error) return <ErrorBox message={units.error} />;
  if (!units.data) return <Loading />;
  const u: UnitsChart = units.data;
  const rate = u.bars.some((b) => b.numerator !== null);
  return (
    <Chart
      title={`So sánh các đơn vị: chỉ tiêu ${u.code} (${u.periodName})`}
      chart={u.chart}
      caption={
        <>
          {u.sortText} Chỉ số {u.directionText}; chỉ tiêu của năm: {u.targetText || 'không có'}. Cột xanh: đạt, đỏ: chưa đạt.
          {u.withoutData.length ? <div className="warn-text">Chưa có số liệu: {u.withoutData.join(', ')}.</div> : null}
          {u.bars.length === 0 ? <div className="warn-text">Chưa đơn vị nào có số liệu của chỉ tiêu này.</div> : null}
        </>
      }
      table={
        <table className="table table-compact" aria-label="Số liệu so sánh các đơn vị">
          <thead>
            <tr>
              <th>TT</th>
              <th>Đơn vị</th>
              {rate ? (
                <>
                  <th className="num">Tử số</th>
                  <th className="num">Mẫu số</th>
                </>
              ) : null}
              <th className="num">Kết quả ({u.unitLabel})</th>
              <th>Đánh giá</th>
            </tr>
          </thead>
          <tbody>
            {u.bars.map((b, i) => (
              <tr key={b.unitId}>
                <td>{i + 1}</td>
                <td>{b.name}</td>
                {rate ? (
                  <>
                    <td className="num">{b.numerator === null ? '—' : formatVnNumber(b.numerator, { maxDecimals: 2 })}</td>
                    <td className="num">{b.denominator === null ? '—' : formatVnNumber(b.denominator, { maxDecimals: 2 })}</td>
                  </>
                ) : null}
                <td className="num">{fig(b.value, u.displayDecimals)}</td>
                <td>{ASSESSMENTS[b.assessment]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
