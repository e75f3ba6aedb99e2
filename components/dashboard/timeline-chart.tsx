import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './timeline-chart.css';
import type { Translate } from '../../lib/i18n.ts';
import type { Overview } from '../../lib/storage/dashboard.ts';
import { formatDay, formatNumber } from '../format.ts';
import { dayRange, dayTicks } from './day-axis.ts';

const HEIGHT = 260;
/** Whole numbers only on the count axes: a day has no half request. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7, 1e8];

/** The design tokens the canvas draws with, read when it is built (so dark mode gives the dark ones). */
function tokens() {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return {
    fg: token('--fg'),
    line: token('--line'),
    bg: token('--bg'),
    accent: token('--accent'),
    font: `${token('--text-sm')} ${token('--font-sans')}`,
  };
}

/** Room for a count axis: its longest label at 14 px, its title, and the gaps. */
const countAxisSize = (_u: uPlot, values: string[] | undefined) =>
  24 + 9 * Math.max(1, ...(values ?? []).map((v) => v.length));

/**
 * Requests and companies per day: a bar a day for the requests, a line with points for the companies (on their own
 * scale, at the right), drawn by uPlot. The line under it gives the hovered day's date and numbers (the latest
 * day's while nothing is hovered); the per-day table next to it carries every day's for keyboards and screen readers.
 */
export function TimelineChart({ t, timeline }: { t: Translate; timeline: Overview['timeline'] }) {
  const container = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const scheme = useSchemeChanges();
  useEffect(() => {
    const element = container.current;
    if (!element || timeline.length === 0) return;
    const { fg, line, bg, accent, font } = tokens();
    const days = timeline.map((d) => d.day);
    const ticks = (u: uPlot) => dayTicks(days, u.bbox.width / uPlot.pxRatio);
    const countAxis = (label: string, scale: string, side: 1 | 3, grid: boolean): uPlot.Axis => ({
      scale,
      side,
      label,
      labelFont: font,
      labelSize: 22,
      font,
      stroke: fg,
      size: countAxisSize,
      incrs: COUNT_STEPS,
      values: (_u, splits) => splits.map((v) => formatNumber(v)),
      grid: { show: grid, stroke: line, width: 1 },
      ticks: { show: false },
    });
    const countRange: uPlot.Range.Function = (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))];
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { y: false, points: { size: 9, fill: bg } },
        scales: {
          x: { time: false, range: () => dayRange(days.length) },
          y: { range: countRange },
          companies: { range: countRange },
        },
        axes: [
          {
            font,
            stroke: fg,
            size: 40,
            grid: { show: false },
            ticks: { stroke: line, width: 1 },
            splits: (u) => ticks(u).map((tick) => tick.index),
            values: (u, splits) => {
              const labels = new Map(ticks(u).map((tick) => [tick.index, tick.label]));
              return splits.map((index) => labels.get(index) ?? '');
            },
          },
          countAxis(t('dashColRequests'), 'y', 3, true),
          countAxis(t('dashColCompaniesCount'), 'companies', 1, false),
        ],
        series: [
          {},
          {
            label: t('dashColRequests'),
            scale: 'y',
            stroke: accent,
            fill: accent,
            paths: uPlot.paths.bars?.({ size: [0.7, 64] }),
            points: { show: false },
          },
          {
            label: t('dashColCompaniesCount'),
            scale: 'companies',
            stroke: fg,
            width: 2,
            // Ringed in the background colour, so a point over a bar stands out from it.
            points: { show: timeline.length <= 45, size: 11, width: 3, stroke: fg, fill: bg },
          },
        ],
        hooks: { setCursor: [(u) => setHovered(u.cursor.idx ?? null)] },
      },
      [timeline.map((_, i) => i), timeline.map((d) => d.requests), timeline.map((d) => d.companies)],
      element,
    );
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(320, element.clientWidth), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      setHovered(null);
    };
  }, [timeline, t, scheme]);
  const shown = timeline[hovered ?? timeline.length - 1];
  return (
    <figure class="timeline-chart">
      <div
        ref={container}
        class="timeline"
        role="img"
        aria-label={t('dashTimelineLabel', [timeline.length])}
        data-testid="timeline"
      />
      {shown && (
        <figcaption class="timeline-legend" data-testid="timeline-legend">
          <time dateTime={shown.day} data-testid="timeline-legend-day">
            {formatDay(shown.day)}
          </time>
          <span class="key">
            <span class="key-bar" aria-hidden="true" />
            {t('dashColRequests')}{' '}
            <strong data-testid="timeline-legend-requests">{formatNumber(shown.requests)}</strong>
          </span>
          <span class="key">
            <span class="key-point" aria-hidden="true" />
            {t('dashColCompaniesCount')}{' '}
            <strong data-testid="timeline-legend-companies">{formatNumber(shown.companies)}</strong>
          </span>
        </figcaption>
      )}
    </figure>
  );
}

/** Counts the system's switches between light and dark: the canvas is redrawn with the other scheme's tokens. */
function useSchemeChanges(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setChanges((n) => n + 1);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return changes;
}
