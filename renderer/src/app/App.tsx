import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/types';
import { api } from '../api';
import { ToastProvider } from '../components/Feedback';
import { ConfirmDialog } from '../components/Dialog';
import { BackupsPage } from '../features/backups/BackupsPage';
import { SignaturesPage } from '../features/signatures/SignaturesPage';
import { MergePage } from '../features/merge/MergePage';
import { DashboardPage } from '../features/progress/DashboardPage';
import { HomePage } from '../features/periods/HomePage';
import { EntryPage } from '../features/reports/EntryPage';
import { PlanPage } from '../features/plans/PlanPage';
import { PlansPage } from '../features/plans/PlansPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UnitsPage } from '../features/units/UnitsPage';
import { ListsPage } from '../features/lists/ListsPage';
import { UserNameDialog } from '../features/settings/UserNameDialog';
import { href, useRoute, type Route } from './router';

const NAV: { label: string; route?: Route; match: Route['page'][]; later?: string }[] = [
  { label: 'Kỳ báo cáo', route: { page: 'home' }, match: ['home', 'entry'] },
  { label: 'Tổng quan', route: { page: 'dashboard' }, match: ['dashboard'] },
  { label: 'Kế hoạch', route: { page: 'plans' }, match: ['plans', 'plan'] },
  { label: 'Đơn vị', route: { page: 'units' }, match: ['units'] },
  { label: 'Danh mục', route: { page: 'lists' }, match: ['lists'] },
  { label: 'Tổng hợp', route: { page: 'merge' }, match: ['merge'] },
  { label: 'Chữ ký số', route: { page: 'signatures' }, match: ['signatures'] },
  { label: 'Sao lưu', route: { page: 'backups' }, match: ['backups'] },
  { label: 'Cài đặt', route: { page: 'settings' }, match: ['settings'] },
];

export function App() {
  const { route, pending, leave, stay } = useRoute();
  const [info, setInfo] = useState<AppInfo>();
  const [dataVersion, setDataVersion] = useState(0);
  useEffect(() => {
    api.call('app-info', {}).then(setInfo, () => undefined);
  }, [route, dataVersion]);
  return (
    <ToastProvider>
      <div className="frame">
        <nav className="sidebar" aria-label="Chức năng chính">
          <div className="brand">
            <div className="brand-name">TongHop</div>
            <div className="brand-sub">Tổng hợp báo cáo công tác trẻ em</div>
          </div>
          <ul>
            {NAV.map((item) => (
              <li key={item.label}>
                {item.route ? (
                  <a href={href(item.route)} className={item.match.includes(route.page) ? 'active' : undefined} aria-current={item.match.includes(route.page) ? 'page' : undefined}>
                    {item.label}
                  </a>
                ) : (
                  <span className="nav-later" title={item.later} aria-disabled="true">
                    {item.label} <small>sắp có</small>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div className="sidebar-foot" title={info?.dbPath}>
            {info ? (
              <>
                Phiên bản {info.version}
                <br />
                {info.planCount} kế hoạch · {info.unitCount} đơn vị
              </>
            ) : null}
          </div>
        </nav>
        <main className="content">
          {route.page === 'home' && <HomePage />}
          {route.page === 'entry' && <EntryPage periodId={route.periodId} unitId={route.unitId} />}
          {route.page === 'plans' && <PlansPage />}
          {route.page === 'plan' && <PlanPage id={route.id} />}
          {route.page === 'units' && <UnitsPage />}
          {route.page === 'lists' && <ListsPage />}
          {route.page === 'merge' && <MergePage />}
          {route.page === 'dashboard' && <DashboardPage />}
          {route.page === 'signatures' && <SignaturesPage />}
          {route.page === 'backups' && <BackupsPage onDataReplaced={() => setDataVersion((v) => v + 1)} />}
          {route.page === 'settings' && <SettingsPage info={info} />}
        </main>
      </div>
      <UserNameDialog />
      {pending ? (
        <ConfirmDialog title="Rời trang khi còn ô chưa lưu?" message={<p>{pending.reason}</p>} confirmLabel="Bỏ các ô đó và rời trang" cancelLabel="Ở lại để sửa" danger onConfirm={leave} onClose={stay} />
      ) : null}
    </ToastProvider>
  );
}
