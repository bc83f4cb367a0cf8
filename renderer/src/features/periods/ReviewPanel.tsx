import { useState } from 'react';
import type { ReviewItem, UnitReview } from '../../../../shared/api/types';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';
import { Dialog } from '../../components/Dialog';
import { ErrorBox, Loading, useToast } from '../../components/Feedback';
import { ReceivedPdfs } from '../signatures/ReceivedPdfs';

const SEVERITY: Record<ReviewItem['severity'], string> = { error: 'Lỗi', warning: 'Cần kiểm tra', info: 'Để biết' };

const when = (iso: string) => `${formatIsoDate(iso.slice(0, 10))} ${new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })}`;

/** A unit's problems with the cells to look at, in the unit's file and in the grid. */
function ItemTable(props: { items: ReviewItem[]; label: string; onCheck?: (i: ReviewItem, checked: boolean) => void; entryHref?: string }) {
  return (
    <table className="table review-table" aria-label={props.label}>
      <thead>
        <tr>
          <th style={{ width: '7rem' }}>Loại</th>
          <th style={{ width: '15rem' }}>Chỉ tiêu</th>
          <th style={{ width: '5.5rem' }} title="Ô trong tệp Excel của đơn vị">Ô trong tệp</th>
          <th style={{ width: '5.5rem' }} title="Ô trên lưới nhập số liệu">Ô trên lưới</th>
          <th>Nội dung</th>
          {props.onCheck ? <th style={{ width: '7.5rem' }}>Đã kiểm tra</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.items.map((i, k) => (
          <tr key={k} className={`problem-${i.severity}`}>
            <td>{SEVERITY[i.severity]}</td>
            <td>{i.measureCode ? <><b>{i.measureCode}</b> {i.measureName}{i.partLabel ? <span className="muted"> – {i.partLabel}</span> : null}</> : <span className="muted">Cả tệp</span>}</td>
            <td>{i.templateCell ?? '—'}</td>
            <td>{i.gridCell && props.entryHref ? <a href={props.entryHref} title="Mở lưới nhập số liệu">{i.gridCell}</a> : (i.gridCell ?? '—')}</td>
            <td>{i.detail}</td>
            {props.onCheck ? (
              <td>
                {i.check !== undefined ? (
                  <label className="check-line" title={i.check ? `${i.check.checkedBy || 'Đã đánh dấu'} lúc ${when(i.check.checkedAt)}` : 'Đánh dấu khi đã hỏi lại đơn vị hoặc thấy số đúng'}>
                    <input type="checkbox" checked={i.check !== null} onChange={(e) => props.onCheck!(i, e.target.checked)} aria-label={`Đã kiểm tra: ${i.detail}`} /> {i.check ? 'Đã xem' : 'Chưa'}
                  </label>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Copies a text; where the clipboard is not allowed, the text stays selected in the box for Ctrl+C. */
export function CopyText(props: { text: string; label: string }) {
  const [shown, setShown] = useState(false);
  const toast = useToast();
  return (
    <div className="copy-text">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(props.text);
            toast('Đã sao chép. Dán (Ctrl+V) vào thư điện tử hoặc Zalo gửi đơn vị.');
          } catch {
            setShown(true);
          }
        }}
      >
        {props.label}
      </button>{' '}
      <button type="button" className="link" onClick={() => setShown(!shown)} aria-expanded={shown}>
        {shown ? 'Ẩn nội dung' : 'Xem nội dung'}
      </button>
      {shown ? <textarea className="copy-box" readOnly rows={Math.min(14, props.text.split('\n').length + 1)} value={props.text} aria-label="Nội dung gửi đơn vị" onFocus={(e) => e.target.select()} /> : null}
    </div>
  );
}

/** Everything the compiler goes through with one unit: its refused file, the figures to check, a text for the unit. */
export function ReviewPanel(props: { review: UnitReview; onChanged: () => void; entryHref?: string }) {
  const r = props.review;
  const [error, setError] = useState<string | null>(null);
  const check = async (i: ReviewItem, checked: boolean) => {
    setError(null);
    try {
      await api.call('report-warning-check', { reportId: r.report!.reportId, message: i.message, checked });
      props.onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const nothing = !r.rejected && !r.report?.items.length;
  return (
    <div className="review-panel">
      <ErrorBox message={error} />
      {r.rejected ? (
        <section>
          <h3>
            Tệp "{r.rejected.fileName}" nhận lúc {when(r.rejected.at)} không được nhận: {r.rejected.items.filter((i) => i.severity === 'error').length} lỗi
          </h3>
          <p className="muted small">Không có số nào của tệp này được lưu. {r.report ? `Kỳ này vẫn dùng báo cáo lần ${r.report.revision} (nhận ${formatIsoDate(r.report.at.slice(0, 10))}).` : 'Đơn vị chưa có báo cáo nào được nhận.'} Hãy gửi đơn vị danh sách lỗi để sửa ngay trên tệp của họ.</p>
          <ItemTable items={r.rejected.items} label={`Lỗi trong tệp ${r.rejected.fileName}`} entryHref={props.entryHref} />
        </section>
      ) : null}
      {r.report && r.report.items.length ? (
        <section>
          <h3>
            Báo cáo lần {r.report.revision}
            {r.report.fileName ? ` (${r.report.fileName})` : ' (nhập tay)'}: {r.toCheck ? `${r.toCheck} số liệu cần kiểm tra` : 'đã kiểm tra hết'}
          </h3>
          <ItemTable items={r.report.items} label="Cảnh báo của báo cáo đang dùng" onCheck={(i, c) => void check(i, c)} entryHref={props.entryHref} />
        </section>
      ) : null}
      {nothing ? <p className="muted">Báo cáo của {r.unitName} không có lỗi hay số liệu nào cần kiểm tra.</p> : null}
      {r.rejected || r.toCheck ? <CopyText text={r.copyText} label="Sao chép gửi đơn vị" /> : null}
      <ReceivedPdfs review={r} />
    </div>
  );
}

/** The review desk of one unit, from its row on the home screen: errors, figures to check, the files received. */
export function ReviewDialog(props: { periodId: number; unitId: number; unitName: string; onClose: () => void; onChanged: () => void }) {
  const [version, setVersion] = useState(0);
  const review = useAsync(() => api.call('report-review', { periodId: props.periodId, unitId: props.unitId }), [props.periodId, props.unitId, version]);
  return (
    <Dialog title={`Báo cáo của ${props.unitName}`} onClose={props.onClose} wide>
      {review.error ? <ErrorBox message={review.error} /> : null}
      {review.data ? (
        <ReviewPanel
          review={review.data}
          entryHref={`#/entry/${props.periodId}/${props.unitId}`}
          onChanged={() => {
            setVersion((v) => v + 1);
            props.onChanged();
          }}
        />
      ) : !review.error ? (
        <Loading />
      ) : null}
      <div className="form-actions">
        <a className="button-like" href={`#/entry/${props.periodId}/${props.unitId}`}>
          Mở lưới nhập số liệu
        </a>
        <button type="button" className="primary" onClick={props.onClose}>
          Đóng
        </button>
      </div>
    </Dialog>
  );
}
