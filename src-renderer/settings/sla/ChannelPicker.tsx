/**
 * A rule's channels: "any channel" or a set. A button that says what is
 * chosen opens a small list of checkboxes; Esc or leaving it closes it.
 */
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { CHANNELS } from '../../../src-main/core/enums';
import { channelsText } from './words';

interface Props {
  anyChannel: boolean;
  channels: Channel[];
  onChange(v: { anyChannel: boolean; channels: Channel[] }): void;
  label: string;
  path: string;
  invalid?: boolean;
  describedBy?: string | undefined;
}

export function ChannelPicker({ anyChannel, channels, onChange, label, path, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLInputElement>('.channel-list input:not(:disabled)')?.focus();
    const away = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  }
  function onBlur(e: FocusEvent) {
    if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
  }
  const toggle = (c: Channel, on: boolean) => onChange({ anyChannel, channels: on ? [...channels, c] : channels.filter((x) => x !== c) });

  return (
    <div className="channel-picker" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className={`channel-button${invalid ? ' invalid' : ''}`}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={`${label} ${channelsText(anyChannel, channels, t) || '—'}`}
        title={channelsText(anyChannel, channels, t)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-path={path}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="channel-summary">{channelsText(anyChannel, channels, t) || '—'}</span>
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <fieldset className="channel-list" id={listId}>
          <legend className="sr-only">{label}</legend>
          <label className="check any">
            <input type="checkbox" checked={anyChannel} onChange={(e) => onChange({ anyChannel: e.target.checked, channels })} />
            {t('sla.anyChannel')}
          </label>
          {CHANNELS.map((c) => (
            <label key={c} className={`check${anyChannel ? ' muted' : ''}`}>
              <input type="checkbox" disabled={anyChannel} checked={!anyChannel && channels.includes(c)} onChange={(e) => toggle(c, e.target.checked)} data-channel={c} />
              {t(`channel.${c}`)}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
