import type { PeriodDto } from '../../../../shared/api/types';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { vietnamDay } from '../../../../shared/domain/vietnam-time';
import { api } from '../../api';
import { useToast } from '../../components/Feedback';
import { LockBanner } from '../../components/LockBanner';
import { UnlockDialog } from '../../components/UnlockDialog';

/** A submitted period's banner: when and by whom, what the lock means on this page, and Mở khoá kỳ…. */
export function SubmittedPeriodBanner(props: { period: PeriodDto; consequence: string; onUnlock: () => void }) {
  const { submittedAt, submittedBy } = props.period;
  if (!submittedAt) return null;
  return (
    <LockBanner unlockLabel="Mở khoá kỳ…" onUnlock={props.onUnlock}>
      Kỳ này đã nộp lên cấp trên ngày {formatIsoDate(vietnamDay(submittedAt))}
      {submittedBy ? ` (${submittedBy})` : ''}. {props.consequence}
    </LockBanner>
  );
}

/** Unlocks a submitted period, with the reason the audit trail keeps. */
export function UnlockPeriodDialog(props: { period: PeriodDto; onUnlocked: () => void; onClose: () => void }) {
  const toast = useToast();
  return (
    <UnlockDialog
      title="Mở khoá kỳ báo cáo"
      message={
        <p>
          Kỳ <strong>{props.period.name}</strong> đã nộp lên cấp trên. Sau khi mở khoá có thể nhận tệp, sửa số và tổng hợp lại; nhớ gửi lại báo cáo cho cấp trên.
        </p>
      }
      onUnlock={async (reason) => {
        await api.call('period-unlock', { id: props.period.id, reason });
        toast(`Đã mở khoá kỳ "${props.period.name}".`);
        props.onUnlocked();
      }}
      onClose={props.onClose}
    />
  );
}
