/**
 * The one visual language of a status, used by every chart, the HTML briefing, the terminal and
 * the slides: a mark and a colour per status.
 *
 * - Red / amber / green for off track / at risk / on track; already met and not assessed are neutral
 *   greys (nothing to act on, or nothing known).
 * - Readable without colour: each status has its own mark (✓ ● ▲ ✗ ·), and the fills step in
 *   lightness (off track darkest, at risk lightest of the three), so a greyscale print and readers
 *   with red–green colour blindness still tell them apart; the red and green lean to
 *   vermilion and bluish green (Okabe & Ito 2008, "Color Universal Design").
 */
import type { Status } from "../assess/types.js";

export interface StatusStyle {
  /** A mark that says the status without colour. */
  mark: string;
  /** Fill of a cell, pill or point. */
  fill: string;
  /** Text drawn on that fill (contrast ≥ 4.5:1). */
  ink: string;
  /** The status drawn as text or a mark on white (the fill, darkened where it is too light to read). */
  text: string;
}

export const STATUS_STYLE: Record<Status, StatusStyle> = {
  already_met: { mark: "✓", fill: "#bdbdbd", ink: "#1a1a1a", text: "#555555" },
  on_track: { mark: "●", fill: "#2e8b6e", ink: "#ffffff", text: "#2e8b6e" },
  at_risk: { mark: "▲", fill: "#f2b43c", ink: "#1a1a1a", text: "#9a6400" },
  off_track: { mark: "✗", fill: "#a8321d", ink: "#ffffff", text: "#a8321d" },
  not_assessed: { mark: "·", fill: "#f0f0f0", ink: "#555555", text: "#8c8c8c" },
  // Commitments are decisions, not forecasts: blue, outside the red–amber–green scale.
  commitment_adopted: { mark: "◆", fill: "#2f5f98", ink: "#ffffff", text: "#2f5f98" },
  commitment_not_adopted: { mark: "◇", fill: "#dce6f2", ink: "#1a1a1a", text: "#2f5f98" },
};
