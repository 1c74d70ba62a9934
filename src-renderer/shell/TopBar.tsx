import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Icon } from '../components/Icon';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { AlertBell } from './AlertBell';
import { KnowledgeSuggest } from '../knowledge/KnowledgeSuggest';
import { navigate, ticketHref, ticketsHref } from '../state/route';
import { useSession, useUser } from '../state/session';

/** Search (Ctrl+K), register, who is logged in, language, lock. */
export function TopBar({ initialQuery }: { initialQuery: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const { endSession } = useSession();
  const [q, setQ] = useState(initialQuery);
  // The knowledge suggestions under the box: open while typing, closed on submit, Escape or leaving the box.
  const [suggesting, setSuggesting] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setQ(initialQuery), [initialQuery]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function search(e: FormEvent) {
    e.preventDefault();
    setSuggesting(false);
    const text = q.trim();
    // A whole ticket number opens that ticket; anything else (a phone, part of a number) lists the matches.
    if (text) {
      const found = await call('tickets/list', { limit: 2, filter: { q: text } }).catch(() => null);
      const only = found?.rows.length === 1 ? found.rows[0]! : null;
      if (only && only.ticketNo.toUpperCase() === text.toUpperCase()) {
        navigate(ticketHref(only.id));
        return;
      }
    }
    navigate(ticketsHref({ q: text || undefined }));
  }

  async function lock() {
    try {
      await call('auth/logout', {});
    } finally {
      endSession(t('auth.lockedByUser'));
    }
  }

  return (
    <header className="topbar">
      <form className="search" role="search" onSubmit={search}>
        <Icon name="search" size={16} />
        <input
          ref={input}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setSuggesting(true);
          }}
          onFocus={() => setSuggesting(true)}
          onBlur={() => setSuggesting(false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setSuggesting(false);
          }}
          placeholder={t('top.searchPlaceholder')}
          aria-label={t('top.search')}
          maxLength={40}
        />
        <kbd>Ctrl K</kbd>
        {suggesting && <KnowledgeSuggest query={q} onChosen={() => input.current?.blur()} />}
      </form>
      <a className="btn primary small" href="#/tickets/new" data-testid="new-ticket">
        <Icon name="plus" size={16} /> {t('top.newTicket')}
      </a>
      <div className="topbar-spacer" />
      <AlertBell />
      <span className="who" data-testid="current-user">
        <Icon name="user" size={16} /> {user.displayName}
        <span className="role">{t(`role.${user.role}`)}</span>
      </span>
      <LanguageSwitch />
      <button type="button" className="btn small" onClick={() => void lock()} title={t('top.lockTitle')} data-testid="lock">
        <Icon name="lock" size={16} /> {t('top.lock')}
      </button>
    </header>
  );
}
