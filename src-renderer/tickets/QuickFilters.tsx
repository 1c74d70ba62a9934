import { useTranslation } from 'react-i18next';
import type { TicketFilter } from '../api/types';
import { MAJOR_OR_ABOVE } from '../../src-main/core/enums';

export const CHIPS = ['open', 'mine', 'breached', 'major', 'repeat'] as const;
export type Chip = (typeof CHIPS)[number];

export function parseChips(value: string | null): Chip[] {
  const wanted = new Set((value ?? '').split(','));
  return CHIPS.filter((c) => wanted.has(c));
}

/** What each chip means as part of the SQL filter object. */
export function chipFilter(chips: readonly Chip[], userId: number): TicketFilter {
  const f: TicketFilter = {};
  if (chips.includes('open')) f.open = true;
  if (chips.includes('mine')) f.assigneeId = userId;
  if (chips.includes('breached')) f.deadline = 'breached';
  if (chips.includes('major')) f.level = [...MAJOR_OR_ABOVE];
  if (chips.includes('repeat')) f.repeat = true;
  return f;
}

const LABEL = {
  open: 'tickets.chipOpen',
  mine: 'tickets.chipMine',
  breached: 'tickets.chipBreached',
  major: 'tickets.chipMajor',
  repeat: 'tickets.chipRepeat',
} as const;

/** Toggle chips: pressed ones show a tick as well as their colour. */
export function QuickFilters({ chips, onChange }: { chips: readonly Chip[]; onChange(next: Chip[]): void }) {
  const { t } = useTranslation();
  return (
    <div className="chips" role="group" aria-label={t('tickets.chipsLabel')}>
      {CHIPS.map((c) => {
        const on = chips.includes(c);
        return (
          <button
            key={c}
            type="button"
            className={`chip${on ? ' on' : ''}`}
            aria-pressed={on}
            data-chip={c}
            onClick={() => onChange(on ? chips.filter((x) => x !== c) : CHIPS.filter((x) => x === c || chips.includes(x)))}
          >
            <span aria-hidden="true">{on ? '✓ ' : ''}</span>
            {t(LABEL[c])}
          </button>
        );
      })}
    </div>
  );
}
