import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The only place that reads process.env. Every setting has a default that runs the product on a
// laptop; invalid values stop the boot with a message naming the variable.

function findRepositoryRoot(start: string): string {
  let dir = start;
  while (path.dirname(dir) !== dir) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).workspaces) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const REPOSITORY_ROOT = findRepositoryRoot(__dirname);

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TIMETABLE_CACHE_DAYS: z.coerce.number().int().min(0).max(100_000).default(200),
  DATA_DIR: z.string().default(path.join(REPOSITORY_ROOT, 'data')),
  DEMO_DATA: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  COOKIE_SECURE: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(8),
  GRAPHQL_EMIT_SCHEMA: bool.default(true),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(20000),
  CLIENT_DIST: z.string().default(path.join(REPOSITORY_ROOT, 'client', 'dist')),
  UPLOAD_MAX_MB: z.coerce.number().min(1).max(500).default(20),
});

export interface DatabaseConfig {
  /** Set: a PostgreSQL server. Unset: the embedded PGlite database in dataDir. */
  url?: string;
  poolSize: number;
  /** expanded school days kept in memory (0: none) */
  timetableCacheDays: number;
  dataDir: string;
  /**
   * An in-memory embedded database starts as a copy of this data-folder dump (PGlite dumpDataDir)
   * instead of an empty cluster: the tests' migrated template, so each test file skips initdb.
   */
  embeddedTemplate?: string;
}
export interface AuthConfig {
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginFailureWindowMinutes: number;
}
export interface HttpConfig {
  port: number;
  host: string;
  publicUrl: string;
  clientDist: string;
}
export interface GraphqlConfig {
  /** Write server/schema.gql at start (development); off in production images. */
  emitSchema: boolean;
  maxDepth: number;
  maxComplexity: number;
  /** size limit of one uploaded file (GraphQL multipart, e.g. an Untis export) */
  maxUploadBytes: number;
}
export interface AppConfig {
  database: DatabaseConfig;
  auth: AuthConfig;
  http: HttpConfig;
  graphql: GraphqlConfig;
  demoData: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (e.g. `DATABASE_URL=`) means "not set", as in most shells' .env files.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Ungültige Konfiguration (Umgebungsvariablen):\n${problems}`);
  }
  const e = parsed.data;
  return {
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, timetableCacheDays: e.TIMETABLE_CACHE_DAYS, dataDir: e.DATA_DIR === 'memory://' ? e.DATA_DIR : path.resolve(e.DATA_DIR) },
    auth: {
      sessionTtlHours: e.SESSION_TTL_HOURS, cookieSecure: e.COOKIE_SECURE,
      loginMaxFailures: e.LOGIN_MAX_FAILURES, loginFailureWindowMinutes: e.LOGIN_FAILURE_WINDOW_MINUTES,
    },
    http: { port: e.PORT, host: e.HOST, publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`, clientDist: e.CLIENT_DIST },
    graphql: { emitSchema: e.GRAPHQL_EMIT_SCHEMA, maxDepth: e.GRAPHQL_MAX_DEPTH, maxComplexity: e.GRAPHQL_MAX_COMPLEXITY, maxUploadBytes: e.UPLOAD_MAX_MB * 1024 * 1024 },
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
