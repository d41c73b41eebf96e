import { useResource } from '../hooks.js';
import { formatBytes, formatNumber, mediaTypeName } from '../format.js';
import { ErrorMessage, Spinner } from '../ui.jsx';

const COLORS = ['#f5b942', '#5fb3f9', '#7ed29b', '#f08a8a', '#c49cf5', '#f5d76e', '#6fd6d0', '#f0a36e'];

/**
 * A horizontal bar chart drawn as SVG. The bars carry <title>s and the whole chart an accessible name;
 * the numbers are also printed next to the bars so that nothing depends on colour.
 */
function BarChart({ id, title, entries, format = formatNumber }) {
  const sorted = [...entries].sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...sorted.map(([, v]) => v));
  const rowHeight = 28;
  const labelWidth = 130;
  const valueWidth = 90;
  const width = 640;
  const barSpace = width - labelWidth - valueWidth;
  const height = Math.max(1, sorted.length) * rowHeight + 8;
  return (
    <figure class="chart card" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {sorted.length === 0 ? <p class="muted">No data yet.</p> : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" data-chart={id}
          aria-label={`${title}: ${sorted.map(([k, v]) => `${k} ${format(v)}`).join(', ')}`}>
          {sorted.map(([key, value], i) => {
            const y = 4 + i * rowHeight;
            const w = Math.max(2, (value / max) * barSpace);
            return (
              <g key={key} class="bar">
                <title>{`${key}: ${format(value)}`}</title>
                <text x={labelWidth - 8} y={y + rowHeight / 2} text-anchor="end" dominant-baseline="middle" class="chart-label">
                  {key.length > 18 ? `${key.slice(0, 17)}…` : key}
                </text>
                <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 8} rx="3" fill={COLORS[i % COLORS.length]} />
                <text x={labelWidth + w + 6} y={y + rowHeight / 2} dominant-baseline="middle" class="chart-value">
                  {format(value)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

export function Stats() {
  const stats = useResource('/api/library/stats');
  if (stats.error && !stats.data) return <ErrorMessage error={stats.error} />;
  if (!stats.data) return <Spinner />;
  const s = stats.data;
  const byType = Object.entries(s.byMediaType || {});
  return (
    <section aria-labelledby="stats-title">
      <div class="page-head">
        <h1 id="stats-title">Statistics</h1>
        <button type="button" onClick={() => stats.reload()}>Refresh</button>
      </div>
      <p class="summary">
        <strong>{formatNumber(s.totalFiles)}</strong> files, <strong>{formatBytes(s.totalSizeBytes)}</strong> in total.
      </p>
      <div class="charts">
        <BarChart id="size-by-type" title="Size by media type" format={formatBytes}
          entries={byType.map(([t, v]) => [mediaTypeName(t), v.sizeBytes || 0])} />
        <BarChart id="count-by-type" title="Files by media type"
          entries={byType.map(([t, v]) => [mediaTypeName(t), v.count || 0])} />
        <BarChart id="by-codec" title="Files by codec" entries={Object.entries(s.byCodec || {})} />
        <BarChart id="by-resolution" title="Files by resolution" entries={Object.entries(s.byResolution || {})} />
      </div>
    </section>
  );
}
