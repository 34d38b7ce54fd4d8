import { GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';

/** 'YYYY-MM-DD' calendar days (birth dates, school days): no time, no zone. */
export const LocalDate = GraphQLLocalDate;
export const JSONScalar = GraphQLJSON;
