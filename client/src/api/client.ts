import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import type { Operation } from '@urql/core';
import { shallowRef } from 'vue';
import { hasErrorCode } from './errors';

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {};

/** Called when a request finds the session gone (expired, signed out elsewhere). */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

// `me` answers null rather than failing, and a failed sign-in is the sign-in form's business.
const isSessionOperation = (operation: Operation) =>
  operation.query.definitions.some((d) => d.kind === 'OperationDefinition' && (d.name?.value === 'SignIn' || d.name?.value === 'Viewer'));

const FETCH_OPTIONS: RequestInit = { credentials: 'include' };

/**
 * Context for operations with File variables: urql sends them as a GraphQL multipart request,
 * which Apollo's CSRF prevention accepts only with this header. (An operation's fetchOptions
 * replace the client's, so the credentials are repeated.)
 */
export const UPLOAD_CONTEXT = { fetchOptions: { ...FETCH_OPTIONS, headers: { 'apollo-require-preflight': 'true' } } };

function createApiClient(): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: FETCH_OPTIONS,
    // Always POST with a JSON body: a CSRF-safe request (needs a preflight cross-origin) that
    // Apollo's CSRF prevention accepts without extra headers.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error, operation) {
          if (hasErrorCode(error, 'UNAUTHENTICATED') && !isSessionOperation(operation)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}

/** The client every component uses (provided as a ref, so it can be swapped). */
export const apiClient = shallowRef<Client>(createApiClient());

/** A fresh client with an empty cache: nothing of the previous user survives a sign-out. */
export function resetApiClient(): void {
  apiClient.value = createApiClient();
}
