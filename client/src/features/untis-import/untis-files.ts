// The files chosen for an Untis import. The server detects what each file really is (from name
// and content); the client only names the likely content so the list can be checked before upload.

/** graphql-upload on the server accepts at most this many files per request. */
export const MAX_UNTIS_FILES = 40;

/** GPU files the import reads, by number, with the i18n key of their content. */
const IMPORTED_GPU_FILES = ['GPU001', 'GPU002', 'GPU003', 'GPU004', 'GPU005', 'GPU006', 'GPU010', 'GPU014', 'GPU015', 'GPU018'];

/** Key under untisImport.files.kinds for what a file name suggests. */
export function fileKindKey(name: string): string {
  const gpu = /^(GPU\d{3})/i.exec(name)?.[1]?.toUpperCase();
  if (gpu) return IMPORTED_GPU_FILES.includes(gpu) ? gpu : 'gpuOther';
  if (/\.xml$/i.test(name)) return 'xml';
  if (/\.zip$/i.test(name)) return 'zip';
  return 'unknown';
}

/** Adds files to the selection; a file of the same name replaces the earlier one (a newer export). */
export function mergeFiles(current: File[], added: File[]): File[] {
  const byName = new Map(current.map((file) => [file.name, file]));
  for (const file of added) byName.set(file.name, file);
  return [...byName.values()];
}

/** "812 B", "12,3 KB", "1,5 MB" — in the UI language's number format. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}
