import type { ValueHistoryEntry } from '../../../../shared/api/types';
import { vietnamDateTime } from '../../../../shared/domain/vietnam-time';
import { formatVnNumber } from '../../../../shared/domain/vn-number';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';
import { Dialog } from '../../components/Dialog';
import { ErrorBox, Loading } from '../../components/Feedback';

const KIND_LABELS: Record<ValueHistoryEntry['kind'], string> = {
  file: 'Nhận từ tệp',
  typed: 'Nhập/sửa trong TongHop',
  cleared: 'Xóa số',
  override: 'Sửa số tổng hợp',
  approve: 'Duyệt báo cáo',
  unlock: 'Mở khoá',
};

/** Numerators and denominators as counted; results with the measure's decimals. */
const num = (n: number | null, decimals?: number) => (n === null ? '' : formatVnNumber(n, decimals === undefined ? { maxDecimals: 2 } : { decimals }));

/** Everything that happened to one value: files, typed corrections, approvals, unlocks, overrides. */
export function ValueHistoryDialog(props: {
  periodId: number;
  unitId: number;
  unitName: string;
  measure: { id: number; code: string; name: string; displayDecimals: number };
  /** One part of a broken-down measure; null for the total. */
  part?: { id: number; label: string } | null;
  onClose: () => void;
}) {
  const partId = props.part?.id;
  const history = useAsync(
    () => api.call('value-history', { periodId: props.periodId, unitId: props.unitId, measureId: props.measure.id, optionComboId: partId }),
    [props.periodId, props.unitId, props.measure.id, partId],
  );
  return (
    <Dialog title={`Lịch sử số liệu chỉ tiêu ${props.measure.code}${props.part ? ` — ${props.part.label}` : ''}`} onClose={props.onClose} wide>
      <p className="muted">
        {props.measure.name}
        {props.part ? ` (nhóm ${props.part.label})` : ''} — {props.unitName}
      </p>
      <ErrorBox message={history.error} />
      {!history.data ? (
        history.error ? null : <Loading />
      ) : history.data.length === 0 ? (
        <p>Chưa có số liệu nào cho chỉ tiêu này trong kỳ.</p>
      ) : (
        <table className="table table-compact" aria-label="Lịch sử số liệu">
          <thead>
            <tr>
              <th>Thời điểm</th>
              <th>Người thực hiện</th>
              <th>Việc</th>
              <th className="num">Tử số</th>
              <th className="num">Mẫu số</th>
              <th className="num">Kết quả</th>
              <th>Ghi chú, lý do</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((h, i) => (
              <tr key={i}>
                <td>{vietnamDateTime(h.at)}</td>
                <td>{h.userName || <span className="muted">(chưa đặt tên)</span>}</td>
                <td>
                  {KIND_LABELS[h.kind]}
                  {h.revision !== null ? <span className="muted"> · lần {h.revision}</span> : null}
                  {h.fileName ? <div className="small muted">{h.fileName}</div> : null}
                </td>
                <td className="num">{num(h.numerator)}</td>
                <td className="num">{num(h.denominator)}</td>
                <td className="num">{h.textValue ?? num(h.value, props.measure.displayDecimals)}</td>
                <td>{[h.note, h.reason].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small muted">Người thực hiện là tên người dùng đặt trong Cài đặt lúc thay đổi.</p>
    </Dialog>
  );
}
