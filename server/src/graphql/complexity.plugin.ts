import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Rejects operations whose estimated cost exceeds the limit, before anything is resolved. */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema, query: document, operationName: request.operationName ?? undefined, variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(`Die Abfrage ist zu aufwendig (Komplexität ${complexity}, erlaubt sind ${maxComplexity}).`, {
              extensions: { code: 'BAD_USER_INPUT', rule: 'max_complexity' },
            });
          }
        },
      };
    },
  };
}
