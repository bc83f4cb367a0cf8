import { useState, type FormEvent } from 'react';
import type { ReminderList } from '../../../../shared/api/types';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { deadlineWords } from '../../../../shared/domain/reminders';
import { vietnamDateTime } from '../../../../shared/domain/vietnam-time';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { DateField, parseDateText } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { downloadBase64 } from '../../components/download';
import { ErrorBox, useToast } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import { CopyText } from './ReviewPanel';
import { SigningChoice, useSigning } from '../signatures/SigningChoice';

/** "Nhắc đơn vị": who still owes the report and what, a message for each, one công văn đôn đốc for all, and what was sent before. */
export function RemindDialog({ list, onClose, onChanged }: { list: ReminderList; onClose: () => void; onChanged: () => void }) {
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(list.units.map((u) => u.unitId)));
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(formatIsoDate(list.today));
  const [due, setDue] = useState(formatIsoDate(list.letter.newDueOn));
  const [contact, setContact] = useState('');
  const [signerName, setSignerName] = useState(list.letter.document.signerName);
  const [dateError, setDateError] = useState<string | null>(null);
  const signing = useSigning();
  const action = useAction();
  const toast = useToast();
  const picked = list.units.filter((u) => chosen.has(u.unitId));
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const markSent = () =>
    action.run(async () => {
      const r = await api.call('reminder-record', { periodId: list.period.id, unitIds: picked.map((u) => u.unitId) });
      toast(`Đã ghi nhận nhắc ${r.units.length} đơn vị bằng tin nhắn.`);
      onChanged();
    });
  const letter = (e: FormEvent) => {
    e.preventDefault();
    const d = parseDateText(date, 'ngày ban hành');
    const n = parseDateText(due, 'hạn mới');
    if (!d.ok || !n.ok) return setDateError(!d.ok ? d.error : !n.ok ? n.error : null);
    setDateError(null);
    if (signing.notReady) return action.setError(signing.notReady);
    void action.run(async () => {
      const sign = signing.payload();
      signing.forget();
      const f = await api.call('reminder-letter', {
        sign,
        periodId: list.period.id,
        unitIds: picked.map((u) => u.unitId),
        newDueOn: n.iso,
        contact,
        document: { ...list.letter.document, number, date: d.iso, signerName },
      });
      downloadBase64(f.fileName, f.dataBase64, 'application/pdf');
      toast(`Đã tạo ${f.fileName}${f.signedBy ? ` (ký số bởi ${f.signedBy})` : ''} cho ${f.reminder.units.length} đơn vị và ghi nhận đã nhắc.`);
      onChanged();
    });
  };
  return (
    <Dialog title="Nhắc đơn vị chậm báo cáo" onClose={onClose} wide>
      <p>
        Kỳ <b>{list.period.name}</b>
        {list.dueOn && list.daysLeft !== null ? <> — {deadlineWords(list.dueOn, list.daysLeft)}</> : null}.{' '}
        {list.units.length ? `${list.units.length} đơn vị chưa gửi báo cáo hoặc gửi tệp có lỗi.` : 'Mọi đơn vị đã gửi báo cáo hợp lệ: không còn ai cần nhắc.'}
      </p>
      {list.units.length ? (
        <table className="table table-compact" aria-label="Đơn vị cần nhắc">
          <thead>
            <tr>
              <th style={{ width: '2rem' }}>
                <input type="checkbox" aria-label="Chọn tất cả" checked={picked.length === list.units.length} onChange={(e) => setChosen(new Set(e.target.checked ? list.units.map((u) => u.unitId) : []))} />
              </th>
              <th>Đơn vị</th>
              <th>Còn thiếu</th>
              <th style={{ width: '15rem' }}>Tin nhắn</th>
            </tr>
          </thead>
          <tbody>
            {list.units.map((u) => (
              <tr key={u.unitId} data-unit={u.unitName}>
                <td>
                  <input type="checkbox" aria-label={`Chọn ${u.unitName}`} checked={chosen.has(u.unitId)} onChange={(e) => toggle(u.unitId, e.target.checked)} />
                </td>
                <td>
                  {u.unitName}
                  <div className="small muted">
                    {u.status === 'missing' ? 'chưa gửi' : 'tệp gửi có lỗi'}
                    {u.late ? ', quá hạn' : ''}
                    {u.reminded.length ? ` · đã nhắc ${u.reminded.length} lần, gần nhất ${vietnamDateTime(u.reminded[0]!.at)}` : ''}
                  </div>
                </td>
                <td className="small">{u.status === 'missing' ? `Báo cáo gồm ${u.owedText}` : u.errors.map((e, i) => <div key={i}>{e}</div>)}</td>
                <td>
                  <CopyText text={u.message} label="Chép tin nhắn" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.units.length ? (
        <>
          <div className="form-actions form-actions-left">
            <button type="button" disabled={!picked.length || action.busy} onClick={() => void markSent()} title="Sau khi đã dán tin nhắn vào thư điện tử hoặc Zalo">
              Ghi nhận đã nhắc {picked.length} đơn vị bằng tin nhắn
            </button>
          </div>
          <form onSubmit={letter} className="card remind-letter" aria-label="Công văn đôn đốc">
            <h3>Công văn đôn đốc (PDF) gửi {picked.length} đơn vị đã chọn</h3>
            <p className="small muted">
              {list.letter.document.issuingBody} · {`Số: ${number || '…'}/${list.letter.document.symbol}`} · {list.letter.document.subject}. Nơi nhận: các đơn vị đã chọn và lưu văn thư. Ký số như văn bản báo cáo (ảnh chữ ký, con dấu đã lưu của cơ quan).
            </p>
            <div className="form-row">
              <TextField label="Số công văn" value={number} onChange={(e) => setNumber(e.target.value)} className="input-short" />
              <DateField label="Ngày ban hành" value={date} onChange={setDate} />
              <DateField label="Hạn mới" value={due} onChange={setDue} />
            </div>
            <div className="form-row">
              <TextField label="Người ký" value={signerName} onChange={(e) => setSignerName(e.target.value)} />
              <TextField label="Liên hệ (không bắt buộc)" placeholder="ví dụ Phòng Bảo vệ, chăm sóc trẻ em, điện thoại …" value={contact} onChange={(e) => setContact(e.target.value)} />
            </div>
            <SigningChoice signing={signing} busy={action.busy} />
            <ErrorBox message={dateError} />
            {action.busy ? (
              <p role="status" className="busy">
                <span className="spinner" aria-hidden="true" /> Đang tạo công văn…
              </p>
            ) : null}
            <div className="form-actions form-actions-left">
              <button type="submit" className="primary" disabled={!picked.length || action.busy}>
                {signing.signAs !== 'none' ? 'Ký số và tạo công văn đôn đốc (PDF)' : 'Tạo công văn đôn đốc (PDF)'}
              </button>
            </div>
          </form>
        </>
      ) : null}
      <ErrorBox message={action.error} />
      <section aria-label="Lịch sử nhắc">
        <h3>Đã nhắc</h3>
        {list.history.length === 0 ? (
          <p className="muted">Chưa nhắc đơn vị nào trong kỳ này.</p>
        ) : (
          <ul className="remind-history">
            {list.history.map((h) => (
              <li key={h.id}>
                {vietnamDateTime(h.sentAt)} — {h.channel === 'letter' ? `công văn${h.documentNumber ? ` số ${h.documentNumber}` : ''}${h.newDueOn ? `, hạn mới ${formatIsoDate(h.newDueOn)}` : ''}` : 'tin nhắn'}
                {h.sentBy ? ` (${h.sentBy})` : ''}: {h.units.map((u) => u.unitName).join(', ')}{' '}
                <button
                  type="button"
                  className="link small"
                  disabled={action.busy}
                  aria-label={`Bỏ ghi nhận lần nhắc lúc ${vietnamDateTime(h.sentAt)}`}
                  title="Ghi nhận nhầm? Bỏ lần nhắc này khỏi lịch sử (nhật ký thay đổi vẫn giữ)"
                  onClick={() =>
                    void action.run(async () => {
                      await api.call('reminder-delete', { id: h.id });
                      toast('Đã bỏ ghi nhận lần nhắc đó.');
                      onChanged();
                    })
                  }
                >
                  Bỏ ghi nhận
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Dialog>
  );
}
