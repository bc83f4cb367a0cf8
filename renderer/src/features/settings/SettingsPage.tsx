import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo, Settings } from '../../../../shared/api/types';
import type { AuditVerdict } from '../../../../shared/domain/audit-text';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { ErrorBox, Loading, useToast } from '../../components/Feedback';
import { TextField } from '../../components/fields';

/** "Kiểm tra nhật ký": whether the audit trail is whole (its hash chain), for an auditor. */
function AuditCheck() {
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const { busy, error, run } = useAction();
  return (
    <div className="card">
      <h2>Nhật ký thay đổi</h2>
      <p>Mọi thay đổi số liệu, cài đặt, sao lưu và xuất dữ liệu được ghi lại cùng tên người dùng, tài khoản và tên máy tính. Nhật ký chỉ được ghi thêm, không sửa hay xoá được; mỗi dòng có mã kiểm tra nối với dòng trước.</p>
      <button type="button" disabled={busy} onClick={() => void run(async () => setVerdict(await api.call('audit-verify', {})))}>
        Kiểm tra nhật ký
      </button>
      <ErrorBox message={error} />
      {verdict ? (
        <p role="status" className={verdict.ok ? 'audit-ok' : 'error-box'}>
          {verdict.message}
        </p>
      ) : null}
    </div>
  );
}

export function SettingsPage({ info }: { info: AppInfo | undefined }) {
  const [settings, setSettings] = useState<Settings>();
  const { busy, error, setError, run } = useAction();
  const toast = useToast();
  useEffect(() => {
    api.call('settings-get', {}).then(setSettings, (e: Error) => setError(e.message));
  }, [setError]);
  if (!settings) return error ? <ErrorBox message={error} /> : <Loading />;

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setSettings(await api.call('settings-set', settings));
      toast('Đã lưu cài đặt.');
    });
  };
  const loadDemo = () =>
    run(async () => {
      const r = await api.call('demo-load', {});
      toast(r.created ? 'Đã nạp dữ liệu mẫu.' : 'Dữ liệu mẫu đã có sẵn, không nạp lại.');
    });

  return (
    <section className="page page-narrow">
      <header className="page-head">
        <div>
          <h1>Cài đặt</h1>
          <p className="page-lead">Tên người dùng được ghi vào lịch sử mỗi lần thay đổi số liệu.</p>
        </div>
      </header>
      <form onSubmit={save} className="card">
        <TextField label="Tên người dùng" name="userName" placeholder="ví dụ Nguyễn Thị Lan" value={settings.userName} onChange={(e) => setSettings({ ...settings, userName: e.target.value })} />
        <TextField
          label="Cơ quan"
          name="organisationName"
          placeholder="ví dụ Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum"
          value={settings.organisationName}
          onChange={(e) => setSettings({ ...settings, organisationName: e.target.value })}
        />
        <TextField label="Địa danh (ghi trên văn bản)" name="place" placeholder="ví dụ Kon Tum" value={settings.place} onChange={(e) => setSettings({ ...settings, place: e.target.value })} />
        <fieldset className="field">
          <legend>Báo cáo được tính khi tổng hợp</legend>
          <label className="check-line">
            <input type="radio" name="countApprovedOnly" checked={!settings.countApprovedOnly} onChange={() => setSettings({ ...settings, countApprovedOnly: false })} /> Mọi báo cáo đã nhận (báo cáo chưa duyệt được đánh dấu vàng)
          </label>
          <label className="check-line">
            <input type="radio" name="countApprovedOnly" checked={settings.countApprovedOnly} onChange={() => setSettings({ ...settings, countApprovedOnly: true })} /> Chỉ báo cáo đã duyệt
          </label>
        </fieldset>
        <TextField
          label="Máy chủ dấu thời gian khi ký số (không bắt buộc)"
          name="tsaUrl"
          placeholder="ví dụ http://tsa.ca.gov.vn (địa chỉ do nhà cung cấp chứng thư số cho)"
          value={settings.tsaUrl}
          onChange={(e) => setSettings({ ...settings, tsaUrl: e.target.value })}
          hint="Có địa chỉ này, mỗi chữ ký số được đóng dấu thời gian (RFC 3161) để chứng minh thời điểm ký; cần mạng khi ký. Để trống: ký không kèm dấu thời gian, không cần mạng."
        />
        <TextField
          label="Nhắc đơn vị chậm báo cáo từ trước hạn (ngày)"
          name="remindDaysBefore"
          type="number"
          min={0}
          max={60}
          className="input-short"
          value={String(settings.remindDaysBefore)}
          onChange={(e) => setSettings({ ...settings, remindDaysBefore: Math.max(0, Math.min(60, Math.round(Number(e.target.value) || 0))) })}
          hint="Từ số ngày này trước hạn nộp, trang Kỳ báo cáo hiện danh sách đơn vị chưa gửi hoặc gửi tệp có lỗi, kèm tin nhắn và công văn đôn đốc."
        />
        <ErrorBox message={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            Lưu cài đặt
          </button>
        </div>
      </form>
      <div className="card">
        <h2>Dữ liệu</h2>
        <dl className="facts">
          <dt>Tệp dữ liệu</dt>
          <dd className="path">{info?.dbPath}</dd>
          <dt>Phiên bản cấu trúc</dt>
          <dd>{info?.schemaVersion}</dd>
        </dl>
        <p>Dữ liệu mẫu gồm kế hoạch năm 2024 và kế hoạch năm 2025 của tỉnh Kon Tum (số liệu chỉ tiêu đúng như văn bản), 10 huyện, thành phố và các sở, ngành chủ trì.</p>
        <button type="button" onClick={loadDemo} disabled={busy || info?.hasDemo}>
          {info?.hasDemo ? 'Đã có dữ liệu mẫu' : 'Nạp dữ liệu mẫu'}
        </button>
      </div>
      <AuditCheck />
    </section>
  );
}
