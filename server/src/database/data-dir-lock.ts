import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The embedded database belongs to one process. A second server or a CLI that opened the same
// folder would corrupt it, so the owner writes its pid into a lock file and others refuse to start.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {}

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'server.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(file, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new DataDirLockedError(
        `Der Datenordner ${dataDir} wird bereits von Prozess ${owner} verwendet. ` +
        'Beenden Sie den laufenden Server oder verwenden Sie einen anderen DATA_DIR.',
      );
    }
    writeFileSync(file, String(process.pid)); // stale lock of a crashed process
  }
  return () => rmSync(file, { force: true });
}
