import { useState } from 'react';
import type { UnitReview } from '../../../../shared/api/types';
import { vietnamDateTime } from '../../../../shared/domain/vietnam-time';
import { api } from '../../api';
import { sendFile } from '../../api/send-file';
import { useAsync } from '../../app/use-async';
import { ErrorBox, useToast } from '../../components/Feedback';
import { downloadBase64 } from '../../components/download';
import { ROLE_LABEL, verdict } from './SignaturesPage';

/**
 * A unit's received files for the period: the Excel report in use, and the signed PDFs it sent
 * with it (its official report), each with its signatures checked again from the kept bytes.
 */
export function ReceivedPdfs(props: { review: UnitReview }) {
  const { periodId, unitId, unitName, report } = props.review;
  const [version, setVersion] = useState(0);
  const list = useAsync(() => api.call('received-pdf-list', { periodId, unitId }), [periodId, unitId, version]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const toast = useToast();
  const add = async (file: File) => {
    setError(null);
    setBusy(`Đang kiểm tra chữ ký của ${file.name}…`);
    try {
      const added = await api.call('received-pdf-add', { ...(await sendFile(file)), periodId, unitId });
      setVersion((v) => v + 1);
      toast(`Đã lưu ${added.fileName} vào tệp đã nhận của ${unitName}: ${added.signatures.length ? `${added.signatures.length} chữ ký` : 'không có chữ ký số'}.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const open = async (id: number) => {
    const f = await api.call('received-pdf-get', { id });
    downloadBase64(f.fileName, f.dataBase64, 'application/pdf');
  };
  return (
    <section className="received-pdfs" aria-label="Tệp đã nhận">
      <h3>Tệp đã nhận của {unitName}</h3>
      <p className="muted small">
        {report ? `Báo cáo Excel đang dùng: ${report.fileName ?? 'nhập tay trên lưới'} (lần ${report.revision}, nhận ${vietnamDateTime(report.at)}).` : 'Chưa có báo cáo Excel nào được nhận.'} Văn bản PDF đã ký số của đơn vị (nếu có) được lưu kèm ở đây, giữ nguyên từng byte để kiểm tra lại chữ ký bất cứ lúc nào.
      </p>
      <ErrorBox message={error ?? list.error} />
      {list.data?.length ? (
        <table className="table signatures-table" aria-label={`Văn bản PDF của ${unitName}`}>
          <thead>
            <tr>
              <th>Tệp PDF</th>
              <th style={{ width: '9rem' }}>Nhận lúc</th>
              <th>Chữ ký số</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <button type="button" className="link" onClick={() => void open(p.id)} title="Tải tệp PDF về để xem, in">
                    {p.fileName}
                  </button>
                  <div className="muted">{Math.max(1, Math.round(p.size / 1024))} KB{p.receivedBy ? ` · ${p.receivedBy}` : ''}</div>
                </td>
                <td>{vietnamDateTime(p.receivedAt)}</td>
                <td>
                  {p.unreadable ? <span className="signature-bad">{p.unreadable}</span> : null}
                  {!p.unreadable && !p.signatures.length ? <span className="signature-bad">Không có chữ ký số.</span> : null}
                  {p.signatures.map((c, i) => {
                    const v = verdict(c);
                    return (
                      <div key={i} className={v.ok ? 'signature-ok' : 'signature-bad'}>
                        {c.role ? ROLE_LABEL[c.role] : c.field}: {c.commonName ?? 'không rõ'}
                        {c.signedAt ? `, ${vietnamDateTime(c.signedAt)}` : ''} — {v.text}
                      </div>
                    );
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : list.data ? (
        <p className="muted">Chưa có văn bản PDF nào của đơn vị cho kỳ này.</p>
      ) : null}
      <label className="button-like">
        {busy ?? 'Thêm văn bản PDF đã ký của đơn vị…'}
        <input
          type="file"
          accept=".pdf,application/pdf"
          hidden
          data-testid="received-pdf-file"
          disabled={!!busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void add(f);
          }}
        />
      </label>
    </section>
  );
}
