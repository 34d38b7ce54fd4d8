import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { AppModule } from './app.module';
import { AppConfig } from './config/app.config';
import { timetableDayCache } from './modules/timetable/timetable-day-cache';
import { Database, openDatabase } from './database/data-source';
import { lockDataDir } from './database/data-dir-lock';
import { accessLog } from './logging/access-log';
import { logger, setLogLevel } from './logging/logger';
import { generateDemoData } from './demo/demo-data.generator';
import { isDatabaseEmpty, seedDemoData } from './demo/demo-data.seeder';
import { seedDemoTimetables } from './demo/demo-timetable.seeder';

export interface RunningServer {
  app: NestExpressApplication;
  db: Database;
  close(): Promise<void>;
}

export interface ServerOptions {
  emitSchema?: boolean;
  /** Load the demo data into an empty database (npm start); tests build their own rows. */
  seedDemo?: boolean;
}

async function prepareDatabase(config: AppConfig, seedDemo: boolean): Promise<Database> {
  const db = await openDatabase(config.database);
  const applied = await db.dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  if (seedDemo && (await isDatabaseEmpty(db.dataSource))) {
    const started = Date.now();
    logger.info('empty database: loading demo data (once)');
    const dataset = generateDemoData({ size: 'full' });
    await seedDemoData(db.dataSource, dataset, (message) => logger.info(message));
    await seedDemoTimetables(db.dataSource, dataset, (message) => logger.info(message));
    logger.info({ ms: Date.now() - started }, 'demo data loaded');
  }
  return db;
}

// The SPA is served from the same port; every GET that is not API, health or a file gets index.html.
function serveClient(app: NestExpressApplication, clientDist: string) {
  const index = path.join(clientDist, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ clientDist }, 'client build not found: serving the API only (run npm run build)');
    return;
  }
  app.useStaticAssets(clientDist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || /^\/(graphql|api|health|ical)(\/|$)/.test(req.path)) return next();
    res.sendFile(index);
  });
}

export async function createServer(config: AppConfig, options: ServerOptions = {}): Promise<RunningServer> {
  setLogLevel(config.logLevel);
  timetableDayCache.resize(config.database.timetableCacheDays);
  const unlock = config.database.url || config.database.dataDir === 'memory://' ? () => undefined : lockDataDir(config.database.dataDir);
  let db: Database | undefined;
  try {
    db = await prepareDatabase(config, options.seedDemo ?? false);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.register({ config, dataSource: db.dataSource, emitSchema: options.emitSchema ?? false }),
      { logger: false, bodyParser: true },
    );
    app.set('trust proxy', 'loopback');
    app.use(accessLog(logger));
    app.use(cookieParser());
    // GraphQL multipart requests (file uploads such as Untis exports): limits per file and request.
    app.use('/graphql', graphqlUploadExpress({ maxFileSize: config.graphql.maxUploadBytes, maxFiles: 40 }));
    serveClient(app, config.http.clientDist);
    app.enableShutdownHooks();
    await app.init();
    const database = db;
    return {
      app, db,
      async close() {
        await app.close();
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    await db?.close();
    unlock();
    throw error;
  }
}
