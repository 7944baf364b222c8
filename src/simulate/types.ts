/** Monte Carlo summary of one indicator in one year, in the indicator's unit. */
export interface SeriesSummary {
  indicator: string;
  year: number;
  mean: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

/** The quantile levels reported for every indicator and year. */
export const QUANTILE_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
