import type { ComplexityEstimator } from '@nestjs/graphql';

// Query cost grows with the number of items a list can return, so the complexity limit bounds
// what one request may make the server load (not just how many fields it names).

/** Paginated lists: cost of one item × the page size asked for (default 50). */
export const pagedListComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + childComplexity * Math.max(1, Number((args.page as { limit?: number } | undefined)?.limit ?? 50));

/** Unpaginated member lists (a class's pupils): assume a large class. */
export const memberListComplexity: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity * 35;
