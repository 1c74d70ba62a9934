/**
 * Today, while demo tickets are in the database: they are worked like any
 * ticket, but the numbers on reports and exports leave them out — say so,
 * with the way to remove them for an administrator.
 */
import { useTranslation } from 'react-i18next';
import { mayCall } from '../lib/access';
import { useUser } from '../state/session';
import { useQuery } from '../state/useQuery';

export function DemoNote({ refresh }: { refresh: unknown }) {
  const { t } = useTranslation();
  const user = useUser();
  const status = useQuery('demo/status', {}, refresh);
  const n = status.data?.demoTickets ?? 0;
  if (n === 0) return null;
  return (
    <p className="alert alert-info demo-note" role="status" data-testid="demo-note">
      {t('today.demoNote', { count: n })}
      {mayCall(user.role, 'demo/remove') && (
        <>
          {' '}
          <a href="#/settings" data-testid="demo-note-remove">
            {t('today.demoNoteRemove')}
          </a>
        </>
      )}
    </p>
  );
}
