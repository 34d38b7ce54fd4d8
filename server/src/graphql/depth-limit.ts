import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';

/**
 * graphql-depth-limit with a German message: the library reports in English through the
 * validation context, so its reports are rewritten on the way (the depth counting stays its own).
 */
export function germanDepthLimit(maxDepth: number): ValidationRule {
  const rule = depthLimit(maxDepth);
  return (context: ValidationContext) => rule(new Proxy(context, {
    get(target, property) {
      if (property === 'reportError') {
        return (error: GraphQLError) => target.reportError(new GraphQLError(
          `Die Abfrage ist zu tief verschachtelt: erlaubt sind höchstens ${maxDepth} Ebenen.`,
          { nodes: error.nodes, originalError: error, extensions: { rule: 'max_depth' } },
        ));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as ValidationContext);
}
