export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.round(Number(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(rest)}` : `${m}:${pad(rest)}`;
}

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function formatNumber(n) {
  return n === null || n === undefined ? '' : Number(n).toLocaleString();
}

/** Any JSON value as display text (rendered as text, never as markup). */
export function display(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function label(key) {
  const special = { tmdbId: 'TMDB id', imdbId: 'IMDb id', isbn: 'ISBN', hdr: 'HDR', posterUrl: 'Poster' };
  if (special[key]) return special[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const MEDIA_TYPE_NAMES = {
  movie: 'Movies',
  tv: 'TV',
  music: 'Music',
  audiobook: 'Audiobooks',
  book: 'Books',
  comic: 'Comics',
  game: 'Games',
};

export function mediaTypeName(type) {
  return MEDIA_TYPE_NAMES[type] || type;
}
