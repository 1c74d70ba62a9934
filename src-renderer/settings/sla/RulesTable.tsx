/**
 * The SLA rules as one dense table: what each rule matches (channels, level,
 * category), its three limits in hours and minutes, whether it counts only
 * working time, and which precedence tier it falls in. Problems are listed
 * under the row they belong to, in words, and the fields are marked.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Level } from '../../api/types';
import { LEVELS } from '../../../src-main/core/enums';
import { ChannelPicker } from './ChannelPicker';
import { blankRule, LIMIT_FIELDS, parseHM, rulePath, tierOf, type Problem, type RuleDraft } from './draft';
import { HMInput } from './HMInput';
import { categoryText, channelsText, limitText, problemText } from './words';
import { ruleName } from '../../../src-main/core/sla/rule-names';

interface Props {
  rules: RuleDraft[];
  categories: Category[];
  readOnly: boolean;
  /** Problems by path (rule:<key>:<field>). */
  problems: Map<string, Problem[]>;
  /** Rule ids the server refused. */
  refusedIds: ReadonlySet<string>;
  onChange(rules: RuleDraft[]): void;
  onRemoved(name: string): void;
}

const FIELDS = ['id', 'channels', 'level', 'categoryId', 'match', ...LIMIT_FIELDS] as const;

function CategorySelect({ value, categories, onChange, label }: { value: string; categories: Category[]; onChange(v: string): void; label: string }) {
  const { t } = useTranslation();
  const tops = categories.filter((c) => c.parentId === null);
  const known = value === '' || categories.some((c) => String(c.id) === value);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} className="c-cat-select">
      <option value="">{t('sla.anyCategory')}</option>
      {!known && <option value={value}>#{value}</option>}
      {tops.map((top) => [
        <option key={top.id} value={String(top.id)}>
          {t('sla.withChildren', { name: top.name })}
        </option>,
        ...categories
          .filter((c) => c.parentId === top.id)
          .map((c) => (
            <option key={c.id} value={String(c.id)}>
              {'\u3000'}
              {c.path}
            </option>
          )),
      ])}
    </select>
  );
}

export function RulesTable({ rules, categories, readOnly, problems, refusedIds, onChange, onRemoved }: Props) {
  const { t, i18n } = useTranslation();
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (!focusKey) return;
    body.current?.querySelector<HTMLInputElement>(`[data-path="${rulePath(focusKey, 'id')}"]`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const update = (key: string, patch: Partial<RuleDraft>) => onChange(rules.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const r = blankRule(rules);
    onChange([...rules, r]);
    setFocusKey(r.key);
  };
  const remove = (r: RuleDraft) => {
    onChange(rules.filter((x) => x.key !== r.key));
    onRemoved(ruleName(r.id.trim(), i18n.language === 'en' ? 'en' : 'zh-CN') || '?');
    addButton.current?.focus();
  };

  const cols = readOnly ? 9 : 10;
  return (
    <>
      <div className="table-wrap sla-rules-wrap">
        <table className="table compact sla-rules" data-testid="sla-rules">
          <thead>
            <tr>
              <th className="c-id">{t('sla.col.id')}</th>
              <th className="c-ch">{t('sla.col.channels')}</th>
              <th className="c-level">{t('sla.col.level')}</th>
              <th className="c-cat">{t('sla.col.category')}</th>
              {LIMIT_FIELDS.map((f) => (
                <th key={f} className="c-limit">
                  {t(`sla.col.${f}`)}
                </th>
              ))}
              <th className="c-cal">{t('sla.col.businessCalendar')}</th>
              <th className="c-tier">{t('sla.col.tier')}</th>
              {!readOnly && (
                <th className="c-act">
                  <span className="sr-only">{t('sla.col.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody ref={body}>
            {rules.map((r, index) => {
              const name = ruleName(r.id.trim(), i18n.language === 'en' ? 'en' : 'zh-CN') || `#${index + 1}`;
              const rowProblems = FIELDS.flatMap((f) => problems.get(rulePath(r.key, f)) ?? []);
              const refused = refusedIds.has(r.id.trim());
              const bad = (f: (typeof FIELDS)[number]) => (problems.get(rulePath(r.key, f))?.length ?? 0) > 0;
              const errId = `rule-problems-${r.key}`;
              const describe = (f: (typeof FIELDS)[number]) => (bad(f) ? errId : undefined);
              const tier = tierOf(r);
              return [
                <tr
                  key={r.key}
                  data-rule={r.id.trim()}
                  className={rowProblems.length > 0 || refused ? 'has-problem' : undefined}
                  data-path={rulePath(r.key, 'match')}
                >
                  <td className="c-id">
                    {readOnly || r.shipped ? (
                      <span className={`rule-name${r.shipped ? ' rule-shipped-name' : ''}`} title={r.shipped ? r.id : undefined}>
                        {ruleName(r.id, i18n.language === 'en' ? 'en' : 'zh-CN')}
                      </span>
                    ) : (
                      <input
                        value={r.id}
                        onChange={(e) => update(r.key, { id: e.target.value })}
                        maxLength={40}
                        aria-label={`${t('sla.col.id')} ${index + 1}`}
                        aria-invalid={bad('id') || undefined}
                        aria-describedby={describe('id')}
                        data-path={rulePath(r.key, 'id')}
                        autoComplete="off"
                      />
                    )}
                  </td>
                  <td className="c-ch">
                    {readOnly ? (
                      channelsText(r.anyChannel, r.channels, t)
                    ) : (
                      <ChannelPicker
                        anyChannel={r.anyChannel}
                        channels={r.channels}
                        onChange={(v) => update(r.key, v)}
                        label={t('sla.channelsOf', { rule: name })}
                        path={rulePath(r.key, 'channels')}
                        invalid={bad('channels') || bad('match')}
                        describedBy={describe('channels') ?? describe('match')}
                      />
                    )}
                  </td>
                  <td className="c-level">
                    {readOnly ? (
                      r.level === '' ? t('sla.anyLevel') : t(`level.${r.level}`)
                    ) : (
                      <select
                        value={r.level}
                        onChange={(e) => update(r.key, { level: e.target.value as Level | '' })}
                        aria-label={t('sla.fieldLabel', { rule: name, field: t('sla.col.level') })}
                        aria-invalid={bad('match') || undefined}
                      >
                        <option value="">{t('sla.anyLevel')}</option>
                        {LEVELS.map((l) => (
                          <option key={l} value={l}>
                            {t(`level.${l}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td className="c-cat">
                    {readOnly ? (
                      categoryText(r.categoryId, categories, t)
                    ) : (
                      <CategorySelect
                        value={r.categoryId}
                        categories={categories}
                        onChange={(v) => update(r.key, { categoryId: v })}
                        label={t('sla.fieldLabel', { rule: name, field: t('sla.col.category') })}
                      />
                    )}
                  </td>
                  {LIMIT_FIELDS.map((f) => (
                    <td key={f} className="c-limit" data-limit={f}>
                      {readOnly ? (
                        <span className="num">{limitText(parseHM(r.limits[f]).min ?? 0, t)}</span>
                      ) : (
                        <HMInput
                          value={r.limits[f]}
                          onChange={(v) => update(r.key, { limits: { ...r.limits, [f]: v } })}
                          label={t('sla.limitLabel', { rule: name, clock: t(`sla.col.${f}`) })}
                          path={rulePath(r.key, f)}
                          invalid={bad(f)}
                          describedBy={describe(f)}
                        />
                      )}
                    </td>
                  ))}
                  <td className="c-cal">
                    {readOnly ? (
                      r.businessCalendar ? t('sla.calendarOn') : t('sla.calendarOff')
                    ) : (
                      <input
                        type="checkbox"
                        checked={r.businessCalendar}
                        onChange={(e) => update(r.key, { businessCalendar: e.target.checked })}
                        aria-label={t('sla.fieldLabel', { rule: name, field: t('sla.col.businessCalendar') })}
                      />
                    )}
                  </td>
                  <td className="c-tier">
                    <span className={`tier tier-${tier}`} title={t(`sla.tierHint.${tier}`)}>
                      {t(`sla.tier.${tier}`)}
                    </span>
                  </td>
                  {!readOnly && (
                    <td className="c-act">
                      <button type="button" className="btn small quiet" onClick={() => remove(r)} aria-label={t('sla.removeLabel', { rule: name })}>
                        {t('sla.remove')}
                      </button>
                    </td>
                  )}
                </tr>,
                rowProblems.length > 0 && (
                  <tr key={`${r.key}-problems`} className="rule-problems">
                    <td colSpan={cols} id={errId}>
                      <ul>
                        {[...new Set(rowProblems.map((p) => problemText(p, t)))].map((text) => (
                          <li key={text}>
                            <span aria-hidden="true">✕ </span>
                            {text}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="row-actions">
          <button ref={addButton} type="button" className="btn small" onClick={add} data-path="rules">
            ＋ {t('sla.add')}
          </button>
          {(problems.get('rules') ?? []).map((p) => (
            <span key={p.code} className="field-error">
              ✕ {problemText(p, t)}
            </span>
          ))}
        </div>
      )}
    </>
  );
}
