/**
 * Size guard for .xlsx workbooks (ZIP archives), read from the archive's central directory
 * before anything is inflated: an 18 MB "zip bomb" can inflate to gigabytes, and exceljs
 * inflates every part in memory. The central directory lists each entry's uncompressed size
 * (PKWARE APPNOTE 6.3.10, §4.3.12 central directory header, §4.3.16 end of central directory,
 * §4.3.14–15 and §4.5.3 ZIP64). A workbook of a regional plan is a few MB uncompressed.
 *
 * Limitation: the sizes are those the archive declares; a forged archive that declares small
 * sizes and inflates to more is caught only by the inflater's own size check.
 */
import { InputError } from "./errors.js";

/** Largest total uncompressed size of a workbook's parts (bytes): 200 MB, far above any plan's workbook. */
export const MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024;
/** Most entries (parts) a workbook may have. */
export const MAX_XLSX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;

export interface ZipSize {
  entries: number;
  /** Sum of the declared uncompressed sizes, bytes. */
  uncompressed: number;
}

/** Declared entry count and total uncompressed size, or undefined when the bytes are not a readable ZIP. */
export function zipSize(bytes: Uint8Array): ZipSize | undefined {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let entries = v.getUint16(eocd + 10, true);
  let offset = v.getUint32(eocd + 16, true);
  if ((entries === 0xffff || offset === 0xffffffff) && eocd >= 20 && v.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const z = Number(v.getBigUint64(eocd - 20 + 8, true));
    if (z + 56 > n || v.getUint32(z, true) !== ZIP64_EOCD) return undefined;
    entries = Number(v.getBigUint64(z + 32, true));
    offset = Number(v.getBigUint64(z + 48, true));
  }
  let uncompressed = 0;
  let p = offset;
  for (let e = 0; e < Math.min(entries, MAX_XLSX_ENTRIES + 1); e++) {
    if (p + 46 > n || v.getUint32(p, true) !== CENTRAL_HEADER) return undefined;
    let size = v.getUint32(p + 24, true);
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    if (size === 0xffffffff) {
      // ZIP64 extended information (header id 1): the uncompressed size is its first field.
      let x = p + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end && x + 4 <= n) {
        const id = v.getUint16(x, true);
        const len = v.getUint16(x + 2, true);
        if (id === 1 && x + 12 <= n) {
          size = Number(v.getBigUint64(x + 4, true));
          break;
        }
        x += 4 + len;
      }
    }
    uncompressed += size;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, uncompressed };
}

const mb = (b: number) => `${(b / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;

/** Throws an InputError when a workbook would inflate beyond the limits (see the file comment). */
export function checkXlsxSize(bytes: Uint8Array, file: string): void {
  const size = zipSize(bytes);
  if (!size) return; // not a ZIP: the workbook reader says so
  if (size.entries > MAX_XLSX_ENTRIES) {
    throw new InputError({
      file,
      problem: `the workbook has ${size.entries.toLocaleString("en-US")} parts (the limit is ${MAX_XLSX_ENTRIES.toLocaleString("en-US")}); it is not an ordinary spreadsheet`,
      fix: "open it in Excel or LibreOffice and save the table alone as .xlsx or CSV UTF-8",
    });
  }
  if (size.uncompressed > MAX_XLSX_UNCOMPRESSED) {
    throw new InputError({
      file,
      problem: `the workbook is ${mb(bytes.byteLength)} on disk but would inflate to ${mb(size.uncompressed)} (the limit is ${mb(MAX_XLSX_UNCOMPRESSED)}); it was refused before reading`,
      fix: "open it in Excel or LibreOffice and save the table alone as .xlsx or CSV UTF-8, without padding or embedded files",
    });
  }
}
