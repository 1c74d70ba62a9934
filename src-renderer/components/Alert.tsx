import type { ReactNode } from 'react';

/** A message box with a word-bearing icon: ✕ error, ! warning, ✓ success, i info. */
export function Alert({ kind, children, testId }: { kind: 'error' | 'warn' | 'ok' | 'info'; children: ReactNode; testId?: string }) {
  const icon = { error: '✕', warn: '!', ok: '✓', info: 'i' }[kind];
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="alert-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="alert-body">{children}</div>
    </div>
  );
}
