import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../web/api/errors.js';
import { publicReportPageOf, trackPagePath } from '../../../web/navigation.js';
import { fieldErrorsOf } from '../../../web/public-report/report-errors.js';

describe('fieldErrorsOf', () => {
  test('a validation failure (zod paths as arrays) names each field; longitude/latitude are the position', () => {
    const error = new ApiError('bad', 400, 'validation_failed', { issues: [{ path: ['description'] }, { path: ['latitude'] }, { path: ['category'] }] });
    const errors = fieldErrorsOf(error);
    expect(Object.keys(errors).sort()).toEqual(['category', 'description', 'position']);
    expect(errors.description).toEqual({ key: 'publicReport.error.description', params: { min: 5, max: 1000 } });
  });

  test('a service refusal (dotted path): the photo named by its index, an outside position told as such', () => {
    const type = fieldErrorsOf(new ApiError('photos.1: x', 415, 'unsupported_media_type', { issues: [{ path: 'photos.1' }] }), ['a.jpg', 'b.gif']);
    expect(type).toEqual({ photos: { key: 'publicReport.error.photoType', params: { name: 'b.gif' } } });
    const outside = fieldErrorsOf(new ApiError('position: the point lies outside every district', 422, 'unprocessable', { issues: [{ path: 'position' }] }));
    expect(outside.position?.key).toBe('publicReport.error.positionOutside');
    const none = fieldErrorsOf(new ApiError('position: no position', 422, 'unprocessable', { issues: [{ path: 'position' }] }));
    expect(none.position?.key).toBe('publicReport.error.position');
  });

  test('429: the whole form, with the wait in minutes; a network failure or unknown field: the whole form', () => {
    expect(fieldErrorsOf(new ApiError('slow down', 429, 'rate_limited', { retryAfterSeconds: 3360 }))).toEqual({ form: { key: 'publicReport.error.rateLimited', params: { minutes: 56 } } });
    expect(fieldErrorsOf(new ApiError('down', 0, 'network'))).toEqual({ form: { key: 'publicReport.error.failed' } });
    expect(fieldErrorsOf(new ApiError('x', 400, 'validation_failed', { issues: [{ path: ['nonsense'] }] }))).toEqual({ form: { key: 'publicReport.error.failed' } });
    expect(fieldErrorsOf(new Error('boom'))).toEqual({ form: { key: 'publicReport.error.failed' } });
  });
});

describe('publicReportPageOf', () => {
  test('/report, /track and /track/<code> (trailing slash allowed); other paths are not these pages', () => {
    expect(publicReportPageOf('/report')).toEqual({ kind: 'report' });
    expect(publicReportPageOf('/report/')).toEqual({ kind: 'report' });
    expect(publicReportPageOf('/track')).toEqual({ kind: 'track', code: null });
    expect(publicReportPageOf('/track/7K2M-Q9XD-4T1B-H8VW')).toEqual({ kind: 'track', code: '7K2M-Q9XD-4T1B-H8VW' });
    expect(publicReportPageOf('/track/a%20b')).toEqual({ kind: 'track', code: 'a b' });
    expect(publicReportPageOf('/track/a/b')).toBeNull();
    expect(publicReportPageOf('/')).toBeNull();
    expect(publicReportPageOf('/reports')).toBeNull();
    expect(trackPagePath('7K2M-Q9XD-4T1B-H8VW')).toBe('/track/7K2M-Q9XD-4T1B-H8VW');
  });
});
