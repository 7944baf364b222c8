/**
 * Output sizes of a single chart (`targetcast chart --size`), in CSS pixels; PNGs are drawn at
 * PNG_SCALE, so `slide` is exactly 1920×1080 px (16:9, full HD: drops into a slide),
 * `a4` is A4 landscape at 96 dpi (297 × 210 mm → 1123×794 CSS px; 2246×1588 px PNG) and
 * `square` is 1080×1080 px (social media, a slide's half).
 */
export const CHART_SIZES = {
  slide: { width: 960, height: 540 },
  a4: { width: 1123, height: 794 },
  square: { width: 540, height: 540 },
} as const;

export type ChartSize = keyof typeof CHART_SIZES;

/** Zoom of the PNG over the CSS size. */
export const PNG_SCALE = 2;

/**
 * Put a rendered SVG into a canvas of exactly `width`×`height` (white, the chart scaled to fit
 * and centred), so the file has the promised size whatever the legends and titles took.
 */
export function fitSvg(svg: string, width: number, height: number): string {
  const m = svg.match(/<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/);
  if (!m) throw new Error("fitSvg: the SVG has no width and height");
  const [w, h] = [Number(m[1]), Number(m[2])];
  const inner = svg.replace(/^<\?xml[^>]*>\s*/, "").replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
    const kept = attrs.replace(/\s(width|height|viewBox|x|y|preserveAspectRatio)="[^"]*"/g, "").replace(/\s+$/, "");
    return `<svg${kept} x="0" y="0" width="${width}" height="${height}" viewBox="0 0 ${w} ${h}" preserveAspectRatio="xMidYMid meet">`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${inner}</svg>`;
}
