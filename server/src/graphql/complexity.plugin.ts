import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Rejects operations whose estimated cost exceeds the limit, before anything is resolved. */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema, query: document, operationName: request.operationName ?? undefined, variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // getComplexity coerces the variables: a variable of the wrong type throws here, before
            // Apollo's own coercion could report it as BAD_USER_INPUT. Let Apollo do so; nothing runs.
            if (error instanceof GraphQLError) return;
            throw error;
          }
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
