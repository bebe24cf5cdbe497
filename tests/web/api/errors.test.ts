import { describe, expect, test } from 'vitest';
import { errorCodes } from '../../../server/contract/errors.js';
import { ApiError, errorFromBody, errorMessage, scopeRefusal } from '../../../web/api/errors.js';
import { errorText } from '../../../web/i18n/errors.js';
import { translator, type Language } from '../../../web/i18n/index.js';

const i18n = (language: Language) => ({ language, t: translator(language) });
const scope403 = () =>
  errorFromBody(403, { error: { code: 'forbidden', message: 'this account sees district 310107 only, not 310101', details: { allowedDistrict: '310107', requestedDistrict: '310101' } } });

describe('errors in the user’s words', () => {
  test('a district-scope refusal names both districts, in Chinese and in English', () => {
    const error = scope403();
    expect(scopeRefusal(error)).toEqual({ allowed: '310107', requested: '310101' });
    expect(errorMessage(error).key).toBe('error.outsideScope');
    expect(errorText(i18n('zh-CN'), error)).toBe('您的账号仅可查看普陀区，无法查看黄浦区');
    expect(errorText(i18n('en'), error)).toBe('Your account can see Putuo only, not Huangpu');
  });

  test('a 403 without usable scope details is a plain refusal, never the server’s text', () => {
    const bad = [
      { code: 'forbidden', message: 'the wall account is read-only' },
      { code: 'forbidden', message: 'x', details: { allowedDistrict: 310107, requestedDistrict: '310101' } },
      { code: 'forbidden', message: 'x', details: { allowedDistrict: '310107', requestedDistrict: 'DROP TABLE' } },
      { code: 'forbidden', message: 'x', details: null },
    ];
    for (const body of bad) {
      const error = errorFromBody(403, { error: body });
      expect(scopeRefusal(error)).toBeNull();
      expect(errorMessage(error).key).toBe('error.forbidden');
      expect(errorText(i18n('zh-CN'), error)).toBe('您的账号无权查看或执行此操作');
    }
  });

  test('an unknown district in scope details falls back to its code', () => {
    const error = errorFromBody(403, { error: { code: 'forbidden', message: 'x', details: { allowedDistrict: '110101', requestedDistrict: '310101' } } });
    expect(errorText(i18n('en'), error)).toBe('Your account can see 110101 only, not Huangpu');
  });

  test('“institution 40 not found” becomes a translated not-found message', () => {
    const error = errorFromBody(404, { error: { code: 'not_found', message: 'institution 40 not found' } });
    expect(errorText(i18n('zh-CN'), error)).toBe('未找到该记录，或它不在您的辖区内');
    expect(errorText(i18n('en'), error)).toBe('Not found, or not in your district');
  });

  test('every error code of the API, and the client’s own, has a message of its own in both languages', () => {
    const server = errorCodes.map((code) => new ApiError(`server says ${code}`, 0, code));
    const client = [new ApiError('Failed to fetch', 0, 'network'), new ApiError('aborted', 0, 'aborted'), new ApiError('HTTP 418', 418, 'bad_response')];
    for (const error of [...server, ...client]) {
      for (const language of ['zh-CN', 'en'] as const) {
        const text = errorText(i18n(language), error);
        expect(text, `${language} ${error.code}`).not.toContain(error.message);
        expect(text).not.toMatch(/^error\./);
        if (language === 'zh-CN') expect(text).toMatch(/\p{Script=Han}/u);
        else expect(text).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  test('a body of another shape: a 5xx reads as the service being unavailable, anything else as an unreadable answer', () => {
    expect(errorMessage(errorFromBody(502, '<html>Bad gateway</html>')).key).toBe('error.unavailable');
    expect(errorMessage(errorFromBody(418, { message: 'teapot' })).key).toBe('error.badResponse');
    expect(errorMessage(errorFromBody(429, { error: { code: 'rate_limited', message: 'slow down' } })).key).toBe('error.rateLimited');
  });
});
