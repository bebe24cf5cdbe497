import { describe, expect, test } from 'vitest';
import { briefingPdfPath, decodeReviewView, defaultReviewView, encodeReviewView, summaryQuery, type ReviewView } from '../../../web/state/review-url.js';
import { sliderSteps, stepIndexOf } from '../../../web/state/review-slider.js';
import { pageForRole, pageOfLocation, pagePath, pageSearch, REVIEW_PATH } from '../../../web/navigation.js';

const full: ReviewView = {
  period: { from: '2026-10-01', to: '2026-12-03' },
  compare: { from: '2026-07-01', to: '2026-09-03' },
  preset: 'quarter',
  level: 'street',
  code: '310107005',
  mode: 'diff',
  step: 'week',
  map: { longitude: 121.39712, latitude: 31.24988, zoom: 12.25 },
};

describe('the review’s view in its address', () => {
  test('every part of the view survives the round trip', () => {
    expect(decodeReviewView(`?${encodeReviewView(full)}`)).toEqual(full);
    expect(decodeReviewView(encodeReviewView(defaultReviewView))).toEqual(defaultReviewView);
    const institution = { ...full, level: 'institution' as const, code: '4812', mode: 'side' as const, step: 'month' as const, map: null, preset: null, compare: null };
    expect(decodeReviewView(encodeReviewView(institution))).toEqual(institution);
  });

  test('the map view is rounded to what a link needs, the language kept only when not the default', () => {
    const q = new URLSearchParams(encodeReviewView({ ...full, map: { longitude: 121.123456789, latitude: 31.987654321, zoom: 11.234567 } }, 'en'));
    expect(q.get('map')).toBe('121.12346,31.98765,11.23');
    expect(q.get('lang')).toBe('en');
    expect(new URLSearchParams(encodeReviewView(full, 'zh-CN')).has('lang')).toBe(false);
  });

  test('a malformed or reversed part falls back to its default, the rest is kept', () => {
    const view = decodeReviewView('?period=2026-12-03~2026-10-01&compare=2026-07-01~2026-09-03&level=street&mode=grid&step=day&map=500,31,12');
    expect(view.period).toBeNull();
    // A compare without a period has nothing to compare with.
    expect(view.compare).toBeNull();
    // A street without a code is not a unit: the city.
    expect(view.level).toBe('city');
    expect(view.code).toBeNull();
    expect(view.mode).toBe('side');
    expect(view.step).toBe('month');
    expect(view.map).toBeNull();
    expect(decodeReviewView('?level=district&code=31/01').level).toBe('city');
    expect(decodeReviewView('?level=nation&code=1').level).toBe('city');
    expect(decodeReviewView('?period=2026-02-30~2026-03-01').period).toBeNull();
  });

  test('the summary’s query and the briefing link are built from the view', () => {
    expect(summaryQuery(full)).toBe('from=2026-10-01&to=2026-12-03&compareFrom=2026-07-01&compareTo=2026-09-03&level=street&code=310107005');
    expect(summaryQuery({ ...defaultReviewView, period: full.period })).toBe('from=2026-10-01&to=2026-12-03&level=city');
    expect(briefingPdfPath(summaryQuery(full), [121.3, 31.2, 121.45678912, 31.3])).toBe(
      '/api/review/briefing.pdf?from=2026-10-01&to=2026-12-03&compareFrom=2026-07-01&compareTo=2026-09-03&level=street&code=310107005&bbox=121.30000,31.20000,121.45679,31.30000',
    );
    expect(briefingPdfPath('from=2026-10-01&to=2026-10-31&level=city', null)).toBe('/api/review/briefing.pdf?from=2026-10-01&to=2026-10-31&level=city');
  });
});

describe('the review’s path and slider', () => {
  test('/review is a page of its own, for the roles its API answers', () => {
    expect(pageOfLocation('/review', '')).toBe('review');
    expect(pageOfLocation('/review/', '?page=audit')).toBe('review');
    expect(pagePath('review')).toBe(REVIEW_PATH);
    expect(pageSearch('review', '?page=audit&lang=en')).toBe('lang=en');
    for (const role of ['admin', 'planner', 'leader']) expect(pageForRole('review', role)).toBe('review');
    expect(pageForRole('review', 'wall')).toBe('dashboard');
    expect(pageForRole('review', 'field')).toBe('field');
  });

  test('months from the slider’s start to today, the last cut at today; weeks start on Monday', () => {
    const months = sliderSteps('2024-12-01', '2026-12-03', 'month');
    expect(months).toHaveLength(25);
    expect(months[0]).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(months[2]).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(months.at(-1)).toEqual({ from: '2026-12-01', to: '2026-12-03' });
    const weeks = sliderSteps('2024-12-01', '2026-12-03', 'week');
    // 2024-12-01 is a Sunday: its week starts on Monday 25 November.
    expect(weeks[0]).toEqual({ from: '2024-11-25', to: '2024-12-01' });
    expect(weeks.at(-1)).toEqual({ from: '2026-11-30', to: '2026-12-03' });
    expect(weeks.every((w, i) => i === 0 || w.from > weeks[i - 1].to)).toBe(true);
  });

  test('the knob sits on the step the period starts in', () => {
    const months = sliderSteps('2024-12-01', '2026-12-03', 'month');
    expect(stepIndexOf(months, { from: '2025-02-10', to: '2025-03-10' })).toBe(2);
    expect(stepIndexOf(months, { from: '2020-01-01', to: '2020-01-31' })).toBe(0);
    expect(stepIndexOf(months, null)).toBe(24);
  });
});
