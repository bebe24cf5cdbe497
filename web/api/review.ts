// The district review's requests (区领导研判). Every answer is checked against the contract's schema before the page
// sees it: the review's figures go into a leader's briefing, so a malformed answer is an error, not a blank chart.
import {
  reviewPresetsSchema,
  reviewRankingSchema,
  reviewRankingWeightsSchema,
  reviewSummarySchema,
  reviewTrendSchema,
  type ReviewLevel,
  type ReviewPeriod,
  type ReviewPresets,
  type ReviewRanking,
  type ReviewRankingWeights,
  type ReviewSummary,
  type ReviewTrend,
} from '../../server/contract/review.js';
import { z } from 'zod';
import { client, withSignal } from './client.js';
import { checked } from './checked.js';
import { readJson } from './transport.js';
import { useResource } from './use-resource.js';

export interface ReviewUnitQuery {
  level: ReviewLevel;
  code: string | null;
}

const unitQuery = (unit: ReviewUnitQuery) => ({ level: unit.level, ...(unit.code !== null && unit.level !== 'city' ? { code: unit.code } : {}) });

export const reviewPresets = (signal?: AbortSignal) => checked(reviewPresetsSchema, readJson(client.api.review.presets.$get({}, withSignal(signal))));

export const reviewSummary = (period: ReviewPeriod, compare: ReviewPeriod | null, unit: ReviewUnitQuery, signal?: AbortSignal) =>
  checked(
    reviewSummarySchema,
    readJson(
      client.api.review.summary.$get(
        { query: { ...period, ...(compare ? { compareFrom: compare.from, compareTo: compare.to } : {}), ...unitQuery(unit) } },
        withSignal(signal),
      ),
    ),
  );

export const reviewTrend = (period: ReviewPeriod, unit: ReviewUnitQuery, step: 'week' | 'month', signal?: AbortSignal) =>
  checked(reviewTrendSchema, readJson(client.api.review.trend.$get({ query: { ...period, ...unitQuery(unit), step } }, withSignal(signal))));

export const reviewRanking = (period: ReviewPeriod, signal?: AbortSignal) =>
  checked(reviewRankingSchema, readJson(client.api.review.ranking.$get({ query: period }, withSignal(signal))));

const weightsAnswerSchema = z.object({ weights: reviewRankingWeightsSchema, version: z.number().int() });

/** Sets the ranking's weights; a 409 (another administrator changed them since `expectedVersion`) is thrown as such. */
export const setRankingWeights = (weights: ReviewRankingWeights, expectedVersion: number) =>
  checked(weightsAnswerSchema, readJson(client.api.review['ranking-weights'].$put({ json: { weights, expectedVersion } })));

const periodKey = (p: ReviewPeriod | null) => (p ? `${p.from}/${p.to}` : '-');
const unitKey = (u: ReviewUnitQuery) => `${u.level}:${u.code ?? ''}`;

export const useReviewPresets = () => useResource<ReviewPresets>('review-presets', reviewPresets);

export function useReviewSummary(period: ReviewPeriod | null, compare: ReviewPeriod | null, unit: ReviewUnitQuery) {
  return useResource<ReviewSummary>(period ? `review-summary:${periodKey(period)}:${periodKey(compare)}:${unitKey(unit)}` : null, (signal) => reviewSummary(period!, compare, unit, signal));
}

/** Trends read down to a grid cell: an institution shows its cell's (`unit` is then the cell). */
export function useReviewTrend(period: ReviewPeriod | null, unit: ReviewUnitQuery | null, step: 'week' | 'month') {
  return useResource<ReviewTrend>(period && unit ? `review-trend:${periodKey(period)}:${unitKey(unit)}:${step}` : null, (signal) => reviewTrend(period!, unit!, step, signal));
}

/** `revision` reads the table again after the weights changed. */
export function useReviewRanking(period: ReviewPeriod | null, revision: number) {
  return useResource<ReviewRanking>(period ? `review-ranking:${periodKey(period)}:${revision}` : null, (signal) => reviewRanking(period!, signal));
}
