import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/api/types';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { Dialog, FormFooter } from '../../components/Dialog';
import { TextField } from '../../components/fields';

const ASKED = 'tonghop.userNameAsked';

/** On a first start (no user name yet), asks who is working: the name goes into the history of every change. */
export function UserNameDialog() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [name, setName] = useState('');
  const action = useAction();
  useEffect(() => {
    if (sessionStorage.getItem(ASKED)) return;
    api.call('settings-get', {}).then((s) => (s.userName ? undefined : setSettings(s)), () => undefined);
  }, []);
  if (!settings) return null;
  const close = () => {
    sessionStorage.setItem(ASKED, '1');
    setSettings(null);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return action.setError('Hãy nhập họ và tên (hoặc bấm Để sau).');
    void action.run(async () => {
      await api.call('settings-set', { ...settings, userName: name.trim() });
      close();
    });
  };
  return (
    <Dialog title="Chào mừng đến với TongHop" onClose={close}>
      <form onSubmit={save}>
        <p>Mỗi lần nhận báo cáo, sửa số hay duyệt, TongHop ghi lại ai đã làm. Hãy cho biết tên của bạn (sửa được trong Cài đặt).</p>
        <TextField label="Họ và tên" name="userName" placeholder="ví dụ Nguyễn Thị Lan" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
        <FormFooter error={action.error} busy={action.busy} submitLabel="Lưu" onCancel={close} />
      </form>
    </Dialog>
  );
}
