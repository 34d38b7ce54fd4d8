// Imported first by main.ts, before any library reads it: the server runs in production mode unless
// NODE_ENV says otherwise (npm run dev sets development). GraphQL then skips its development-only
// checks on every field it resolves, and Apollo leaves stack traces out of error responses.
process.env.NODE_ENV ??= 'production';
