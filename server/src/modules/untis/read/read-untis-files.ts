import { createHash } from 'node:crypto';
import { decodeUntisBytes, DecodedText } from './decode';
import { CONTENT_KEYS, CONTENT_LABEL, PRESENT_FLAG, UntisContentKey, UntisExportPart } from './export-part';
import { GpuKind, isSupportedGpuKind, readGpuFile } from './gpu-files';
import { GpuSeparator, readGpuRecords } from './gpu-csv';
import { UntisExport, UntisFileInfo, UntisInputFile, UntisLessonLine, UntisReadError, UntisWarning } from './untis-export';
import { readUntisXml } from './untis-xml';
import { isZipArchive, unzipUntisArchive } from './zip';

// Entry point: reads an upload (GPU files, Untis XML, ZIPs of them) into one UntisExport.
// Pure: no database, no clock, no file system. Everything that cannot be read is an
// UntisReadError naming the file; everything doubtful is a warning.

/** A file that was detected and read, before merging. */
interface ReadFile {
  info: UntisFileInfo;
  part: UntisExportPart;
}

interface DetectedKind {
  kind: UntisFileInfo['kind'];
  detectedAs: string;
}

/** What is known of a file before its records are read. */
type FileBasics = Omit<UntisFileInfo, 'kind' | 'records' | 'separator'>;

const LAST_GPU_NUMBER = 23;

export function readUntisFiles(files: UntisInputFile[]): UntisExport {
  const inputs = files.flatMap(expandArchive);
  const read = inputs.map(readFile);
  rejectDuplicateKinds(read);
  rejectContentFromTwoFiles(read);
  return mergeFiles(read);
}

// --- archives ------------------------------------------------------------------------------------

/** ZIPs are recognised by their magic bytes; the name may be anything (`export`, `upload.bin`). */
function expandArchive(file: UntisInputFile): UntisInputFile[] {
  if (!isZipArchive(file.bytes)) return [file];
  const entries = unzipUntisArchive(file);
  if (entries.length === 0) {
    throw new UntisReadError({ file: file.name, line: 0 }, 'enthält keine Dateien');
  }
  const nested = entries.find((entry) => isZipArchive(entry.bytes));
  if (nested) {
    throw new UntisReadError({ file: nested.name, line: 0 }, 'ist ein ZIP-Archiv im ZIP-Archiv – bitte die Dateien direkt in ein Archiv packen');
  }
  return entries;
}

// --- one file ------------------------------------------------------------------------------------

function readFile(input: UntisInputFile): ReadFile {
  const decoded = decodeUntisBytes(input.name, input.bytes);
  const detected = detectKind(input.name, decoded.text);
  const basics: FileBasics = {
    name: input.name,
    detectedAs: detected.detectedAs,
    encoding: decoded.encoding,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    bytes: input.bytes.length,
  };
  if (detected.kind === 'UNSUPPORTED') return readUnsupportedFile(basics, decoded);
  if (detected.kind === 'XML') return readXmlFile(basics, decoded);
  return readSupportedGpuFile(detected.kind, basics, decoded);
}

function readXmlFile(basics: FileBasics, decoded: DecodedText): ReadFile {
  const part = withWarnings(readUntisXml(basics.name, decoded.text), decoded.warnings);
  return { info: { ...basics, kind: 'XML', records: countXmlRecords(part) }, part };
}

function readSupportedGpuFile(kind: GpuKind, basics: FileBasics, decoded: DecodedText): ReadFile {
  const table = readGpuRecords(basics.name, decoded.text);
  const part = withWarnings(readGpuFile(kind, basics.name, table.records), decoded.warnings);
  if (table.records.length === 0) part.warnings.push(emptyFileWarning(basics.name));
  return { info: { ...basics, kind, ...separatorOf(table.separator), records: table.records.length }, part };
}

/**
 * `GPU002.TXT`, `gpu002.txt`, `GPU002-semicolon.TXT`, `export/GPU002.TXT`: the GPU number in the
 * file name decides. Other files are XML when their content says so.
 */
function detectKind(name: string, text: string): DetectedKind {
  const baseName = name.split(/[\\/]/).pop() ?? name;
  const gpuNumber = /^GPU(\d{3})(?!\d)/i.exec(baseName)?.[1];
  if (gpuNumber !== undefined && Number(gpuNumber) >= 1 && Number(gpuNumber) <= LAST_GPU_NUMBER) {
    const gpuKind = `GPU${gpuNumber}`;
    return isSupportedGpuKind(gpuKind) ? { kind: gpuKind, detectedAs: gpuKind } : { kind: 'UNSUPPORTED', detectedAs: gpuKind };
  }
  const start = text.trimStart();
  if (start.startsWith('<?xml') || start.startsWith('<document')) return { kind: 'XML', detectedAs: 'XML' };
  throw new UntisReadError({ file: name, line: 0 }, 'ist keine Untis-Datei (GPU001–GPU023 oder XML erwartet)');
}

/**
 * Known GPU files we do not import (break supervisions, exams, …) are listed so the admin sees they
 * arrived. They are not needed, so a damaged one only warns instead of stopping the import.
 */
function readUnsupportedFile(basics: FileBasics, decoded: DecodedText): ReadFile {
  const warnings: UntisWarning[] = [
    ...decoded.warnings,
    { ref: { file: basics.name, line: 0 }, message: `${basics.detectedAs} wird nicht importiert` },
  ];
  try {
    const table = readGpuRecords(basics.name, decoded.text);
    return { info: { ...basics, kind: 'UNSUPPORTED', ...separatorOf(table.separator), records: table.records.length }, part: { warnings } };
  } catch (error) {
    if (!(error instanceof UntisReadError)) throw error;
    warnings.push({ ref: error.ref, message: error.reason });
    return { info: { ...basics, kind: 'UNSUPPORTED', records: 0 }, part: { warnings } };
  }
}

function separatorOf(separator: GpuSeparator | undefined): { separator?: GpuSeparator } {
  return separator ? { separator } : {};
}

function withWarnings(part: UntisExportPart, leading: UntisWarning[]): UntisExportPart {
  return { ...part, warnings: [...leading, ...part.warnings] };
}

/** A 0-byte export is legal (nothing to export), but the admin should see that it was empty. */
function emptyFileWarning(name: string): UntisWarning {
  return { ref: { file: name, line: 0 }, message: 'enthält keine Datensätze' };
}

/** The elements read from the XML; placements and course choices are derived from lessons. */
function countXmlRecords(part: UntisExportPart): number {
  const counted: UntisContentKey[] = ['timeGrid', 'holidays', 'rooms', 'subjects', 'teachers', 'classes', 'pupils', 'lessonLines'];
  return counted.reduce((sum, key) => sum + (part[key]?.length ?? 0), 0);
}

// --- consistency across files ----------------------------------------------------------------------

function rejectDuplicateKinds(read: ReadFile[]): void {
  const firstByKind = new Map<string, string>();
  for (const { info } of read) {
    if (info.kind === 'UNSUPPORTED') continue; // not imported, so a second copy does no harm
    const first = firstByKind.get(info.kind);
    if (first !== undefined) {
      throw new UntisReadError(
        { file: info.name, line: 0 },
        `ist schon die zweite ${info.kind === 'XML' ? 'XML-Datei' : `${info.kind}-Datei`} (die erste ist „${first}“) – bitte nur eine hochladen`,
      );
    }
    firstByKind.set(info.kind, info.name);
  }
}

/** XML and GPU files can carry the same content (XML lessons and GPU002): one source each. */
function rejectContentFromTwoFiles(read: ReadFile[]): void {
  const firstByContent = new Map<UntisContentKey, string>();
  for (const { info, part } of read) {
    for (const key of CONTENT_KEYS) {
      if (part[key] === undefined) continue;
      const first = firstByContent.get(key);
      if (first !== undefined) {
        throw new UntisReadError(
          { file: info.name, line: 0 },
          `enthält ${CONTENT_LABEL[key]} – diese Inhalte stehen schon in „${first}“; bitte für jeden Inhalt nur eine Quelle hochladen`,
        );
      }
      firstByContent.set(key, info.name);
    }
  }
}

// --- merge -----------------------------------------------------------------------------------------

function mergeFiles(read: ReadFile[]): UntisExport {
  const result = emptyExport();
  for (const { info, part } of read) {
    result.files.push(info);
    result.warnings.push(...part.warnings);
    for (const key of CONTENT_KEYS) {
      const records = part[key];
      if (records === undefined) continue;
      result.present[PRESENT_FLAG[key]] = true;
      const target = result[key] as unknown[];
      for (const record of records) target.push(record);
    }
    result.schoolNumber ??= part.schoolNumber;
    result.rangeFrom ??= part.rangeFrom;
    result.rangeTo ??= part.rangeTo;
  }
  // GPU files name no export range; the validity of the lessons is the best there is.
  if (result.rangeFrom === undefined && result.rangeTo === undefined) Object.assign(result, validityRange(result.lessonLines));
  return withoutUndefined(result);
}

function validityRange(lines: UntisLessonLine[]): Pick<UntisExport, 'rangeFrom' | 'rangeTo'> {
  const from = lines.map((line) => line.validFrom).filter((date): date is string => date !== undefined).sort();
  const to = lines.map((line) => line.validTo).filter((date): date is string => date !== undefined).sort();
  return { rangeFrom: from[0], rangeTo: to[to.length - 1] };
}

function emptyExport(): UntisExport {
  return {
    files: [],
    present: {
      timeGrid: false, teachers: false, classes: false, rooms: false, subjects: false, lessons: false,
      placements: false, substitutions: false, pupils: false, courseChoices: false, holidays: false,
    },
    timeGrid: [], teachers: [], classes: [], rooms: [], subjects: [], lessonLines: [], placements: [],
    substitutions: [], pupils: [], courseChoices: [], holidays: [], warnings: [],
  };
}

/** Optional header fields are left out rather than set to undefined (cleaner equality in tests and logs). */
function withoutUndefined(result: UntisExport): UntisExport {
  for (const key of ['schoolNumber', 'rangeFrom', 'rangeTo'] as const) {
    if (result[key] === undefined) delete result[key];
  }
  return result;
}
