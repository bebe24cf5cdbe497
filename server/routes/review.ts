import {
  rankingWeightsRoute,
  reviewBriefingRoute,
  reviewPresetsRoute,
  reviewRankingRoute,
  reviewRankingSchema,
  reviewSummaryRoute,
  reviewSummarySchema,
  reviewTrendRoute,
  reviewTrendSchema,
} from '../contract/review.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { getReviewPresets, getReviewRanking, getReviewSummary, getReviewTrend, requireReviewer, setRankingWeights } from '../services/review.js';
import { reviewBriefingPdf } from '../services/review-briefing.js';
import { cachedJson } from './cached-json.js';

/**
 * The cache holds an answer until the data changes, and the open-overdue counts change with the clock too: the minute
 * is part of the key, so no answer is older than a minute. The cache is keyed by scope, not role: the role is checked
 * before it is asked.
 */
export function reviewRouter(deps: Deps) {
  const minute = () => Math.floor(deps.now().getTime() / 60_000);
  return createRouter()
    .openapi(reviewSummaryRoute, async (c) => {
      requireReviewer(c.get('user'));
      return cachedJson(c, deps, reviewSummarySchema, 'review-summary', { ...c.req.valid('query'), minute: minute() }, async (user, { minute: _, ...query }) => JSON.stringify(await getReviewSummary(deps, user, query)));
    })
    .openapi(reviewTrendRoute, async (c) => {
      requireReviewer(c.get('user'));
      return cachedJson(c, deps, reviewTrendSchema, 'review-trend', { ...c.req.valid('query'), minute: minute() }, async (user, { minute: _, ...query }) => JSON.stringify(await getReviewTrend(deps, user, query)));
    })
    .openapi(reviewRankingRoute, async (c) => {
      requireReviewer(c.get('user'));
      return cachedJson(c, deps, reviewRankingSchema, 'review-ranking', { ...c.req.valid('query'), minute: minute() }, async (user, { from, to }) => JSON.stringify(await getReviewRanking(deps, user, { from, to })));
    })
    .openapi(rankingWeightsRoute, async (c) => c.json(await setRankingWeights(deps, c.get('user'), c.req.valid('json')), 200))
    .openapi(reviewPresetsRoute, async (c) => c.json(await getReviewPresets(deps, c.get('user')), 200))
    // Not cached: each export is a new audit entry.
    .openapi(reviewBriefingRoute, async (c) => {
      requireReviewer(c.get('user'));
      const file = await reviewBriefingPdf(deps, c.get('user'), c.req.valid('query'));
      return c.body(file.body, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${file.fileName}"`, 'cache-control': 'no-store' });
    });
}
