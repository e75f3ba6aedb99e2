import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Translate } from '../../lib/i18n.ts';
import type { Overview } from '../../lib/storage/dashboard.ts';

/** Local midnight of a YYYY-MM-DD day, in seconds (uPlot's time scale). */
const daySeconds = (day: string) => new Date(`${day}T00:00:00`).getTime() / 1000;

/**
 * Requests and companies per day, drawn by uPlot on a canvas. The per-day table next to it carries the same numbers
 * for screen readers; the chart is labelled as an image of them.
 */
export function TimelineChart({ t, timeline }: { t: Translate; timeline: Overview['timeline'] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || timeline.length === 0) return;
    const style = getComputedStyle(document.documentElement);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 220,
        scales: {
          // A single day would otherwise stretch the axis over years: give it half a day on each side.
          x: { time: true, range: (_u, min, max) => (min === max ? [min - 43_200, max + 43_200] : [min, max]) },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          { stroke: color('--fg', '#1b1b1f'), grid: { stroke: color('--card', '#eee') } },
          { stroke: color('--fg', '#1b1b1f'), grid: { stroke: color('--card', '#eee') } },
        ],
        series: [
          {},
          {
            label: t('dashColRequests'),
            stroke: color('--accent', '#0b57d0'),
            width: 2,
            points: { show: timeline.length < 60 },
          },
          { label: t('dashColCompaniesCount'), stroke: '#b3261e', width: 2, points: { show: timeline.length < 60 } },
        ],
      },
      [timeline.map((d) => daySeconds(d.day)), timeline.map((d) => d.requests), timeline.map((d) => d.companies)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(320, element.clientWidth), height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [timeline, t]);
  return (
    <div
      ref={container}
      class="timeline"
      role="img"
      aria-label={t('dashTimelineLabel', [timeline.length])}
      data-testid="timeline"
    />
  );
}
