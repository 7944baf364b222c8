/** centre.ts: the centre of the forecast distribution, its constant case and its pull into the working scale's domain. */
import { describe, expect, it } from "vitest";
import { forecastCentre } from "../../src/forecast/centre.js";
import { combinedForecast } from "../../src/forecast/combination.js";
import { seriesNoise, yearlyChangeScale } from "../../src/forecast/reference-class.js";

describe("forecastCentre", () => {
  it("a constant series: no combination, the last value as point and centre, scale 0", () => {
    expect(forecastCentre([7, 7, 7, 7], 2, false)).toEqual({
      transform: "exp",
      scale: 0,
      noise: 0,
      constant: true,
      point: [7, 7],
      centre: [Math.log(7), Math.log(7)],
      drift: false,
      driftT: 0,
      members: ["naive"],
    });
  });

  it("a moving series: the combined forecast, its working-scale value, s and ρ of the log scale", () => {
    const v = [100, 104, 109, 113, 118, 123];
    const c = forecastCentre(v, 2, false);
    const comb = combinedForecast(v, 2, "exp");
    const z = v.map(Math.log);
    expect(c.constant).toBe(false);
    expect(c.transform).toBe("exp");
    expect(c.point).toEqual(comb.forecasts);
    expect(c.centre).toEqual(comb.forecasts.map(Math.log));
    expect(c.scale).toBe(yearlyChangeScale(z));
    expect(c.noise).toBe(seriesNoise(z));
    expect(c.drift).toBe(comb.drift);
    expect(c.driftT).toBe(comb.driftT);
    expect(c.members).toEqual(comb.members);
  });

  it("a share: the logit scale when asked, the log scale when not", () => {
    const v = [40, 42, 45, 47, 50];
    expect(forecastCentre(v, 1, true).transform).toBe("logistic100");
    expect(forecastCentre(v, 1, false).transform).toBe("exp");
    const c = forecastCentre(v, 1, true);
    expect(c.centre[0]).toBeCloseTo(Math.log(c.point[0] / (100 - c.point[0])), 12);
  });

  it("a positive series falling to below the smallest double is pulled just inside the log scale (1e-300), not to its last value", () => {
    // falls by a factor 1e50 a year: the combined forecast underflows to 0 within a few years
    const v = [1e100, 1e50, 1, 1e-50, 1e-100, 1e-150];
    const c = forecastCentre(v, 6, false);
    expect(c.transform).toBe("exp");
    const h = c.point.indexOf(0);
    expect(h).toBeGreaterThan(0);
    expect(c.centre[h]).toBe(Math.log(1e-300));
    for (const z of c.centre) expect(Number.isFinite(z)).toBe(true);
  });
});
