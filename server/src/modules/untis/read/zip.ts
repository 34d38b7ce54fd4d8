import { unzipSync, UnzipFileInfo } from 'fflate';
import { UntisInputFile, UntisReadError } from './untis-export';

// Admins often upload the export folder as one ZIP. An upload is untrusted input: the declared
// sizes are checked before anything is inflated, so a small archive cannot expand to gigabytes.

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

/** A full Untis export has about 25 files of at most a few MB each. */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 200, maxTotalBytes: 50 * 1024 * 1024 };

/** Local file header `PK\x03\x04`, or the end record `PK\x05\x06` of an empty archive. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b
    && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** The files of the archive, named `<archive>/<path in archive>`; folders and system files are skipped. */
export function unzipUntisArchive(archive: UntisInputFile, limits: ZipLimits = ZIP_LIMITS): UntisInputFile[] {
  const guard = new SizeGuard(archive.name, limits);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive.bytes, { filter: (info) => !isIgnoredEntry(info.name) && guard.admit(info) });
  } catch (error) {
    if (error instanceof UntisReadError) throw error;
    throw new UntisReadError(
      { file: archive.name, line: 0 },
      'ist kein lesbares ZIP-Archiv (beschädigt, unvollständig, verschlüsselt oder mit nicht unterstützter Kompression)',
    );
  }
  return Object.entries(entries).map(([path, bytes]) => ({ name: `${archive.name}/${path}`, bytes }));
}

/** Folders, macOS resource forks (`__MACOSX/`) and hidden files (`.DS_Store`) are no exports. */
function isIgnoredEntry(path: string): boolean {
  if (path.endsWith('/')) return true;
  return path.split('/').some((part) => part === '__MACOSX' || part.startsWith('.'));
}

/**
 * fflate allocates each entry's output buffer from the declared size and never grows it, so
 * limiting the declared sizes limits the memory actually used.
 */
class SizeGuard {
  private entries = 0;
  private totalBytes = 0;

  constructor(private readonly archiveName: string, private readonly limits: ZipLimits) {}

  admit(info: UnzipFileInfo): boolean {
    this.entries++;
    this.totalBytes += info.originalSize;
    if (this.entries > this.limits.maxEntries) {
      throw this.tooLarge(`enthält mehr als ${this.limits.maxEntries} Dateien`);
    }
    if (this.totalBytes > this.limits.maxTotalBytes) {
      throw this.tooLarge(`wäre entpackt größer als ${Math.round(this.limits.maxTotalBytes / 1024 / 1024)} MB`);
    }
    return true;
  }

  private tooLarge(what: string): UntisReadError {
    return new UntisReadError(
      { file: this.archiveName, line: 0 },
      `${what} – so groß ist kein Untis-Export; das Archiv wird nicht entpackt`,
    );
  }
}
