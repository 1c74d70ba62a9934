/** One chart: created once, given new options as data changes, resized with its box, clickable. */
import { useEffect, useRef } from 'react';
import { COLORS, FONT, init, type ChartClick, type ChartOption, type ECharts } from './echarts';
import { register } from './registry';

interface Props {
  option: ChartOption;
  /** A sentence for screen readers (the chart itself is a picture). */
  label: string;
  onClick?: ((e: ChartClick) => void) | undefined;
  testId: string;
  className?: string;
}

/** The legend's entries (series, or a pie's slices), said after the chart's title to a screen reader. */
function legendNames(option: ChartOption): string[] {
  const list = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return list.flatMap((s) => {
    if (s.type === 'pie') return ((s.data ?? []) as Array<{ name?: string }>).map((d) => d.name ?? '');
    return s.type === 'heatmap' ? [] : [String(s.name ?? '')];
  });
}

export function EChart({ option, label, onClick, testId, className }: Props) {
  const legend = legendNames(option).filter(Boolean);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = init(el, null, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio || 1) });
    chart.current = c;
    const unregister = register(c);
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      unregister();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, color: [...COLORS.series], animation: false, ...option }, true);
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (e: unknown) => onClick(e as ChartClick);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onClick]);

  return <div ref={box} className={`chart${className ? ` ${className}` : ''}`} role="img" aria-label={legend.length ? `${label}: ${legend.join('、')}` : label} data-testid={testId} />;
}
