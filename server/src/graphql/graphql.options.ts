import path from 'node:path';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { formatGraphqlError } from '../common/graphql-error.formatter';
import { REPOSITORY_ROOT, GraphqlConfig } from '../config/app.config';
import { RequestContextFactory } from '../authz/request-context.factory';
import { complexityLimitPlugin } from './complexity.plugin';
import { germanDepthLimit } from './depth-limit';

export const SCHEMA_FILE = path.join(REPOSITORY_ROOT, 'server', 'schema.gql');

export function graphqlOptions(config: GraphqlConfig, contexts: RequestContextFactory, emitSchema: boolean): ApolloDriverConfig {
  return {
    // The committed schema file is what the client's operations are typed from.
    autoSchemaFile: emitSchema ? SCHEMA_FILE : true,
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    introspection: true,
    context: ({ req, res }: { req: Request; res: Response }) => contexts.create(req, res),
    formatError: formatGraphqlError,
    // Too deep: GRAPHQL_VALIDATION_FAILED, reported as BAD_USER_INPUT by formatGraphqlError.
    validationRules: [germanDepthLimit(config.maxDepth)],
    // Cast: @apollo/server ships separate CJS and ESM typings of the same plugin interface.
    plugins: [
      complexityLimitPlugin(config.maxComplexity) as never,
      // We set no cache hints; Apollo's cache-control plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled() as never,
    ],
  };
}
