/**
 * The CJK font shipped with targetcast as a dependency (npm @embedpdf/fonts-sc: Noto Sans SC, "Noto
 * Sans Hans", OTF, the GB2312 character set, SIL Open Font License 1.1), used whenever the machine has
 * no Chinese font of its own, so no renderer shows boxes:
 *
 * - resvg loads the Regular and Bold files (render.ts `resvgFontOptions`);
 * - Chromium and the HTML briefing get it by `@font-face`, last in the font stack before the generic
 *   `sans-serif` (theme.ts FONT_FAMILY), so a browser only reads the file when no system CJK font
 *   has the glyph. The briefing folder carries its own copy of the Regular face and the licence
 *   (BRIEFING_FONT_FILES) and the HTML names it by a relative URL, so the folder still shows Chinese
 *   when mailed or copied to a share. Bold text is synthesised by the browser from the Regular face
 *   (one 8.4 MB file travels instead of two; every weight in the package is 8.3–8.6 MB and covers
 *   the same GB2312 set, there is no smaller subset).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The family name inside the bundled OTF files (what resvg and a browser match on). */
export const BUNDLED_CJK_FAMILY = "Noto Sans S Chinese";

const REGULAR = "NotoSansHans-Regular.otf";
const BOLD = "NotoSansHans-Bold.otf";

/** The folder of the package's font files and its LICENSE, or undefined when it is not installed. */
function packageDir(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
    return path.join(path.dirname(entry), "..");
  } catch {
    return undefined;
  }
}

/** Paths of the bundled font's Regular and Bold faces, or [] when the package is not installed. */
export function bundledCjkFontFiles(): string[] {
  const dir = packageDir();
  if (!dir) return [];
  const files = [REGULAR, BOLD].map((f) => path.join(dir, "fonts", f));
  return files.every((f) => existsSync(f)) ? files : [];
}

/** Names of the files a briefing folder carries so its HTML shows Chinese anywhere: the Regular face and its licence. */
export const BRIEFING_FONT_FILES = { font: REGULAR, license: "NotoSansHans-OFL.txt" } as const;

/** Where to copy BRIEFING_FONT_FILES from, or undefined when the font package is not installed. */
export function briefingFontSources(): { font: string; license: string } | undefined {
  const dir = packageDir();
  if (!dir) return undefined;
  const font = path.join(dir, "fonts", REGULAR);
  const license = path.join(dir, "LICENSE");
  return existsSync(font) && existsSync(license) ? { font, license } : undefined;
}

/**
 * The CSS `@font-face` rule declaring the bundled Regular face at `url` (relative to the page, or a
 * file: URL). Declared at weight 400 only, so the browser synthesises bold from it.
 */
export function bundledFontFaceCss(url: string): string {
  return `@font-face { font-family: "${BUNDLED_CJK_FAMILY}"; src: url("${url}") format("opentype"); font-weight: 400; font-style: normal; font-display: block; }`;
}

/** The `@font-face` rule pointing at the installed package's file (for pages Chromium renders in place), or "". */
export function installedFontFaceCss(): string {
  const src = briefingFontSources();
  return src ? bundledFontFaceCss(pathToFileURL(src.font).href) : "";
}
