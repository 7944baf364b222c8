/**
 * Bytes → text for CSV inputs. Spreadsheets on Chinese Windows often save CSV as GBK/GB18030,
 * others as UTF-8 with a BOM or UTF-16; all of these are accepted, anything that cannot be
 * decoded cleanly is refused rather than read with replacement characters.
 */
import { InputError } from "./errors.js";

/** The text encodings a CSV input may have. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** A file's text and the encoding it was decoded from. */
export interface DecodedText {
  text: string;
  /** How the bytes were read; "gb18030" means the file was not valid UTF-8. */
  encoding: TextEncodingName;
}

const SAVE_AS_UTF8 =
  'open the file in a text editor or spreadsheet and save it as UTF-8 (in Excel: Save As → "CSV UTF-8")';

/** Decode a CSV file's bytes; `file` is used only in error messages. */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    throw new InputError({
      file,
      problem: "this is an Excel workbook (a ZIP file), not a CSV text file",
      fix: 'give the file the extension .xlsx, or save it from Excel as "CSV UTF-8"',
    });
  }
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new InputError({
      file,
      problem: "this is an old-format Excel workbook (.xls), not a CSV text file",
      fix: 'open it in Excel and save it as .xlsx or as "CSV UTF-8"',
    });
  }

  let decoded: DecodedText;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    decoded = { text: strict("utf-8", b.subarray(3), file, "UTF-8"), encoding: "utf-8-bom" };
  } else if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    decoded = { text: strict("utf-16le", b.subarray(2), file, "UTF-16"), encoding: "utf-16le" };
  } else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    decoded = { text: strict("utf-16be", b.subarray(2), file, "UTF-16"), encoding: "utf-16be" };
  } else {
    let text: string | undefined;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      decoded = { text, encoding: "utf-8" };
    } else {
      // Not UTF-8: the usual other encoding of Chinese CSV files is GBK, of which GB18030 is a superset.
      const gb = new TextDecoder("gb18030").decode(b);
      const bad = gb.indexOf("\uFFFD");
      if (bad >= 0) {
        throw new InputError({
          file,
          line: lineOfOffset(gb, bad),
          problem: "the file is neither valid UTF-8 nor valid GB18030/GBK text (unreadable bytes here)",
          fix: SAVE_AS_UTF8,
        });
      }
      decoded = { text: gb, encoding: "gb18030" };
    }
  }

  const nul = decoded.text.indexOf("\u0000");
  if (nul >= 0) {
    throw new InputError({
      file,
      line: lineOfOffset(decoded.text, nul),
      problem: "the file contains NUL bytes: it is binary or UTF-16 without a byte-order mark",
      fix: SAVE_AS_UTF8,
    });
  }
  return decoded;
}

function strict(encoding: "utf-8" | "utf-16le" | "utf-16be", bytes: Uint8Array, file: string, label: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    const loose = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const bad = loose.indexOf("\uFFFD");
    throw new InputError({
      file,
      ...(bad >= 0 ? { line: lineOfOffset(loose, bad) } : {}),
      problem: `the file starts with a ${label} byte-order mark but contains bytes that are not valid ${label}`,
      fix: SAVE_AS_UTF8,
      cause: e,
    });
  }
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
