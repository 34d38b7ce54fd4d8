import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

// The estimate depends only on the document and its variables. Apollo hands the same parsed
// DocumentNode to every request with the same query text, so the estimate is kept per document
// and variables (a few entries each; the WeakMap lets unused documents go).
const MAX_VARIANTS_PER_DOCUMENT = 50;
const estimates = new WeakMap<DocumentNode, Map<string, number | null>>();

function cachedComplexity(key: string, document: DocumentNode, estimate: () => number | null): number | null {
  let variants = estimates.get(document);
  if (!variants) estimates.set(document, (variants = new Map()));
  let value = variants.get(key);
  if (value === undefined) {
    value = estimate();
    if (variants.size >= MAX_VARIANTS_PER_DOCUMENT) variants.clear();
    variants.set(key, value);
  }
  return value;
}

/** Rejects operations whose estimated cost exceeds the limit, before anything is resolved. */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const operationName = request.operationName ?? undefined;
          const variables = request.variables ?? {};
          const complexity = cachedComplexity(`${operationName ?? ''}|${JSON.stringify(variables)}`, document, () => {
            try {
              return getComplexity({
                schema, query: document, operationName, variables,
                estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch (error) {
              // getComplexity coerces the variables: a variable of the wrong type throws here, before
              // Apollo's own coercion could report it as BAD_USER_INPUT. Let Apollo do so; nothing runs.
              if (error instanceof GraphQLError) return null;
              throw error;
            }
          });
          if (complexity !== null && complexity > maxComplexity) {
            throw new GraphQLError(`Die Abfrage ist zu aufwendig (Komplexität ${complexity}, erlaubt sind ${maxComplexity}).`, {
              extensions: { code: 'BAD_USER_INPUT', rule: 'max_complexity' },
            });
          }
        },
      };
    },
  };
}
