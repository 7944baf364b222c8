/**
 * Headline status of a target from the probability that it is met.
 *
 * Default thresholds follow the IPCC calibrated likelihood language (Mastrandrea et al. 2010,
 * Guidance Note for Lead Authors of the IPCC AR5 on Consistent Treatment of Uncertainties):
 * "likely" is P ≥ 66%, "unlikely" P ≤ 33%. A target is on track when P(met) ≥ 0.66, off track
 * when P(met) < 0.33 (so exactly 0.33 counts as at risk: the benefit of the doubt), and at
 * risk in between. Scenario files may change both
 * (`assessment: { on_track, off_track }`).
 */
import { DISTINGUISHABLE_SE } from "../stats/monteCarloError.js";
import type { Status } from "./types.js";

/** P(met) thresholds of the status: on track at or above `onTrack`, off track below `offTrack`, at risk between. */
export interface StatusThresholds {
  onTrack: number;
  offTrack: number;
}

/** The default thresholds, after the IPCC likelihood scale: on track P ≥ 0.66, off track P < 0.33. */
export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 0.66, offTrack: 0.33 };

/** The status of a target from its P(met) and the thresholds. */
export function statusFromProbability(
  pMet: number,
  alreadyMet: boolean,
  t: StatusThresholds = DEFAULT_THRESHOLDS,
): Status {
  if (alreadyMet) return "already_met";
  if (pMet >= t.onTrack) return "on_track";
  if (pMet < t.offTrack) return "off_track";
  return "at_risk";
}

/**
 * A P(met) within `DISTINGUISHABLE_SE` (2) Monte Carlo standard errors of either cut-off: the
 * status could flip with the seed. Already-met targets are not borderline (their status does not
 * come from P(met)).
 */
export function isBorderline(
  pMet: number,
  standardError: number,
  alreadyMet: boolean,
  t: StatusThresholds = DEFAULT_THRESHOLDS,
): boolean {
  if (alreadyMet) return false;
  const band = DISTINGUISHABLE_SE * standardError;
  return Math.abs(pMet - t.onTrack) <= band || Math.abs(pMet - t.offTrack) <= band;
}
