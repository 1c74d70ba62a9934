import { useId, type ReactElement, type ReactNode, cloneElement } from 'react';

interface Props {
  label: ReactNode;
  /** The control: an <input>, <select> or <textarea>; it gets id and aria wiring. */
  children: ReactElement<Record<string, unknown>>;
  error?: string | null | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

/** Label, control, hint and error wired together, so screen readers and tests find them by label. */
export function Field({ label, children, error, hint, required, className }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {/* Outside the <label> so the control's accessible name is the plain word; the control says "required" itself. */}
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {cloneElement(children, { id, 'aria-required': required || undefined, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint && !error && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId}>
          ✕ {error}
        </div>
      )}
    </div>
  );
}
