/** 效果检查 in numbers: before → since the start, the change, target met or not, and how far along the way to it. */
import { useTranslation } from 'react-i18next';
import type { ProjectKpiId } from '../../src-main/core/qc-projects/kpis';
import { formatChange, formatValue, kpiName } from './format';
import type { ProjectChart } from './types';
import { pct } from '../reports/format';

export function EffectSummary({ chart, kpiId }: { chart: ProjectChart; kpiId: ProjectKpiId }) {
  const { t } = useTranslation();
  const { kpi, effect, checkRange } = chart;
  const tally = (m: { tally: { num: number; den: number } }) =>
    kpi.unit === 'rate' ? t('qcProjects.effect.tally', { num: m.tally.num, den: m.tally.den }) : `n = ${m.tally.den}`;
  const met = effect.targetMet;
  return (
    <div className="qc-effect" data-testid="qc-effect">
      <div className="qc-effect-tile">
        <div className="qc-effect-label">{t('qcProjects.effect.baseline')}</div>
        <div className="qc-effect-value" data-testid="qc-effect-baseline">
          {formatValue(kpi, effect.baseline.value, t)}
        </div>
        <div className="qc-effect-detail">{tally(effect.baseline)}</div>
      </div>
      <div className="qc-effect-arrow" aria-hidden="true">
        →
      </div>
      <div className="qc-effect-tile">
        <div className="qc-effect-label">
          {checkRange ? t('qcProjects.effect.current', { from: checkRange.from, to: checkRange.to }) : t('qcProjects.effect.notStarted')}
        </div>
        <div className="qc-effect-value" data-testid="qc-effect-current">
          {effect.current ? formatValue(kpi, effect.current.value, t) : '—'}
        </div>
        <div className="qc-effect-detail">{effect.current ? tally(effect.current) : ''}</div>
      </div>
      <div className="qc-effect-tile">
        <div className="qc-effect-label">{t('qcProjects.effect.target')}</div>
        <div className="qc-effect-value">{formatValue(kpi, effect.target, t)}</div>
        <div className="qc-effect-detail">{kpiName(kpiId, t)}</div>
      </div>
      <div className="qc-effect-tile">
        <div className="qc-effect-label">{t('qcProjects.effect.change')}</div>
        <div className="qc-effect-value">{effect.change === null ? '—' : formatChange(kpi, effect.change, t)}</div>
        <div className="qc-effect-detail">
          {effect.improved === null ? '' : effect.improved ? t('qcProjects.effect.improved') : t('qcProjects.effect.worse')}
          {effect.progress !== null && ` ${t('qcProjects.effect.progress', { value: pct(effect.progress, 0) })}`}
        </div>
      </div>
      <div className={`qc-effect-verdict ${met === null ? 'unknown' : met ? 'met' : 'not-met'}`} data-testid="qc-effect-verdict">
        {met === null ? t('qcProjects.effect.unknown') : met ? t('qcProjects.effect.met') : t('qcProjects.effect.notMet')}
      </div>
    </div>
  );
}
