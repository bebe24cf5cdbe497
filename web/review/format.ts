import type { Translate } from '../i18n/index.js';

// How the review writes its figures: rates as per cent with one decimal, changes signed.

export const rateText = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

export const countText = (n: number | null): string => (n === null ? '—' : n.toLocaleString('zh-CN'));

const signed = (n: number, digits: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}`;

/** A relative change (0.125 → +12.5%). */
export const changeText = (change: number | null): string => (change === null ? '—' : `${signed(change * 100, 1)}%`);

/** A change in percentage points. */
export const pointsText = (t: Translate, points: number | null): string => (points === null ? '—' : t('review.points', { n: signed(points, 1) }));

export const periodText = (p: { from: string; to: string } | null): string => (p ? (p.from === p.to ? p.from : `${p.from} ~ ${p.to}`) : '—');
