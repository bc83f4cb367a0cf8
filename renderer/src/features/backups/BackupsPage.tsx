import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupDto } from '../../../../shared/api/types';
import { formatFileSize } from '../../../../shared/domain/backups';
import { vietnamDateTime } from '../../../../shared/domain/vietnam-time';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState, ErrorBox, Loading, useToast } from '../../components/Feedback';
import { sendFile } from '../../api/send-file';
import { downloadBase64 } from '../../components/download';

type Pending = { kind: 'restore'; backup: BackupDto } | { kind: 'open'; file: File };

/** Backups the app made, restoring one, and the whole database as one file (out and in). */
export function BackupsPage({ onDataReplaced }: { onDataReplaced: () => void }) {
  const [list, setList] = useState<{ folder: string; backups: BackupDto[] }>();
  const [pending, setPending] = useState<Pending | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const toast = useToast();
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => api.call('backup-list', {}).then(setList, (e: Error) => setError(e.message)), [setError]);
  useEffect(() => void reload(), [reload]);

  const act = (label: string, action: () => Promise<void>) =>
    run(async () => {
      setWorking(label);
      try {
        await action();
      } finally {
        setWorking(null);
      }
    });

  const backupNow = () =>
    act('Đang sao lưu…', async () => {
      const b = await api.call('backup-create', {});
      await reload();
      toast(`Đã sao lưu lúc ${vietnamDateTime(b.createdAt).split(' lúc ')[1]} (${formatFileSize(b.sizeBytes)}).`);
    });

  const exportFile = () =>
    act('Đang chuẩn bị tệp dữ liệu…', async () => {
      const f = await api.call('database-export', {});
      downloadBase64(f.fileName, f.dataBase64, 'application/vnd.sqlite3');
      toast(`Đã xuất ${f.fileName}.`);
    });

  const confirm = () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    if (p.kind === 'restore') {
      void act(`Đang khôi phục bản sao lưu ngày ${vietnamDateTime(p.backup.createdAt)}…`, async () => {
        await api.call('backup-restore', { fileName: p.backup.fileName });
        await reload();
        onDataReplaced();
        toast(`Đã khôi phục dữ liệu về ngày ${vietnamDateTime(p.backup.createdAt, { seconds: true })}. Dữ liệu trước đó đã được sao lưu.`);
      });
    } else {
      void act(`Đang mở ${p.file.name}…`, async () => {
        await api.call('database-open', await sendFile(p.file));
        await reload();
        onDataReplaced();
        toast(`Đã mở ${p.file.name}. Dữ liệu trước đó đã được sao lưu.`);
      });
    }
  };

  if (!list) return error ? <ErrorBox message={error} /> : <Loading />;
  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>Sao lưu và khôi phục</h1>
          <p className="page-lead">
            TongHop tự sao lưu dữ liệu mỗi ngày khi bắt đầu làm việc, và trước mỗi lần nhận báo cáo, nhập kế hoạch, nâng cấp hay khôi phục. Giữ 30 bản gần nhất và bản đầu tiên
            của mỗi tháng.
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={backupNow} disabled={busy}>
            Sao lưu ngay
          </button>
          <button type="button" onClick={exportFile} disabled={busy}>
            Xuất tệp dữ liệu…
          </button>
          <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
            Mở tệp dữ liệu…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".sqlite,.db"
            hidden
            data-testid="database-file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) setPending({ kind: 'open', file: f });
            }}
          />
        </div>
      </header>
      {working && (
        <div role="status" className="busy card">
          <span className="spinner" aria-hidden="true" /> {working}
        </div>
      )}
      <ErrorBox message={error} />
      {list.backups.length === 0 ? (
        <EmptyState title="Chưa có bản sao lưu nào">Bấm “Sao lưu ngay” để tạo bản đầu tiên. Từ nay TongHop cũng tự sao lưu mỗi ngày.</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact backups-table">
            <thead>
              <tr>
                <th>Thời điểm sao lưu</th>
                <th>Lý do</th>
                <th className="num">Dung lượng</th>
                <th aria-label="Thao tác" />
              </tr>
            </thead>
            <tbody>
              {list.backups.map((b) => (
                <tr key={b.fileName} title={b.fileName}>
                  <td>{vietnamDateTime(b.createdAt, { seconds: true })}</td>
                  <td>{b.label}</td>
                  <td className="num">{formatFileSize(b.sizeBytes)}</td>
                  <td>
                    <button type="button" className="link" disabled={busy} onClick={() => setPending({ kind: 'restore', backup: b })}>
                      Khôi phục…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        Thư mục sao lưu: <span className="path">{list.folder}</span>. Có thể chép cả thư mục này sang USB hoặc máy khác để cất giữ.
      </p>
      {pending?.kind === 'restore' && (
        <ConfirmDialog
          title="Khôi phục bản sao lưu"
          danger
          message={
            <>
              <p>
                Dữ liệu sẽ trở về như lúc <strong>{vietnamDateTime(pending.backup.createdAt, { seconds: true })}</strong> ({pending.backup.label.toLowerCase()}). Mọi thay đổi sau thời điểm đó sẽ không còn
                trong dữ liệu đang dùng.
              </p>
              <p>Dữ liệu hiện tại được sao lưu trước, nên có thể khôi phục lại nếu cần.</p>
            </>
          }
          confirmLabel={`Khôi phục bản ngày ${vietnamDateTime(pending.backup.createdAt).split(' lúc ')[0]}`}
          onConfirm={confirm}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'open' && (
        <ConfirmDialog
          title="Mở tệp dữ liệu khác"
          danger
          message={
            <>
              <p>
                Toàn bộ dữ liệu đang dùng sẽ được thay bằng dữ liệu trong tệp <strong>{pending.file.name}</strong> ({formatFileSize(pending.file.size)}).
              </p>
              <p>Dữ liệu hiện tại được sao lưu trước, nên có thể khôi phục lại nếu cần.</p>
            </>
          }
          confirmLabel="Mở tệp này"
          onConfirm={confirm}
          onClose={() => setPending(null)}
        />
      )}
    </section>
  );
}
