/**
 * fitEts against R's forecast::ets() on two short series, every model, to 8 significant digits:
 * the same start, bounds, admissible region, optimiser and stopping rule give the same optimum.
 * Figures printed here with R 4.2 and forecast 8.20:
 *
 *   f <- ets(ts(y), model = "AAN", damped = TRUE)    # and the other five models
 *   format(f$par, digits = 15); -2 * f$loglik; f$aicc; f$sigma2
 *   ets(ts(y))$method                                  # the model R chooses
 *
 * (test/forecast/ets-reference.test.ts compares 20 benchmark series with tolerances for a few
 * mismatches; these two series agree everywhere.)
 */
import { describe, expect, it } from "vitest";
import { type EtsSpec, etsName, fitEts, selectEts } from "../../src/forecast/ets.js";
import { thetaForecast } from "../../src/forecast/theta.js";

const NOISY = [52, 55, 51, 58, 60, 57, 63, 66, 62, 70, 69, 74];
const Y = [3, 4, 6, 7, 9, 10, 12, 15, 14, 17, 19];

/** R's par (alpha, [beta, [phi,]] l, [b]), −2 loglik, AICc and sigma2. */
type RFit = [spec: EtsSpec, par: number[], lik: number, aicc: number, sigma2: number];

// A line through the first ten points passes through 0 at t = 1 (the noise ±0.5 is orthogonal to 1
// and t), so R's initstate() nudges ℓ₀ by +0.1% and b₀ by −0.1% (|ℓ₀ + b₀| < 1e-8).
const THROUGH_ZERO = [0.5, 0.5, 1.5, 3.5, 4, 5, 6.5, 6.5, 7.5, 9.5, 10.2, 11.1];

const R: Record<"NOISY" | "Y" | "THROUGH_ZERO", { y: number[]; chosen: string | null; fits: RFit[] }> = {
  NOISY: {
    y: NOISY,
    chosen: "ETS(A,A,N)",
    fits: [
      [
        { error: "A", trend: "N" },
        [0.730412223177383, 52.663517738311612],
        64.3051018932528,
        73.3051018932528,
        21.2461010409586,
      ],
      [
        { error: "A", trend: "Ad" },
        [0.000100019523247, 0.000100002509424343, 0.97999999859177489, 49.42067477568299, 2.05255858613467046],
        51.254250516475,
        80.054250516475,
        10.2295172988206,
      ],
      [
        { error: "A", trend: "A" },
        [1.0004919667644e-4, 1.00034461362859e-4, 49.5014754318484, 1.84790940671632],
        50.3203313244102,
        70.3203313244102,
        8.28063289459236,
      ],
      [
        { error: "M", trend: "N" },
        [0.697101060798321, 52.508425135629594],
        64.3061527039258,
        73.3061527039258,
        0.00615242728052032,
      ],
      [
        { error: "M", trend: "Ad" },
        [1.00047893239588e-4, 1.00016794637964e-4, 0.979386272095136, 49.0097948015136, 2.11036915023828],
        51.0477173845956,
        79.8477173845956,
        0.00268887362610597,
      ],
      [
        { error: "M", trend: "A" },
        [1.00007991710928e-4, 1.00004939581344e-4, 49.2535998677612, 1.86833818832145],
        50.3713936773934,
        70.3713936773934,
        0.00223071651225787,
      ],
    ],
  },
  Y: {
    y: Y,
    chosen: "ETS(M,A,N)",
    fits: [
      [
        { error: "A", trend: "N" },
        [0.999899923312614, 3.000068516892203],
        40.0143749444198,
        49.4429463729912,
        4.22257812734605,
      ],
      [
        { error: "A", trend: "Ad" },
        [0.180917616662076, 0.180917578960108, 0.979986545142082, 1.056044305346473, 1.552792170730283],
        20.9303551091969,
        53.9303551091969,
        1.11739500312193,
      ],
      [
        { error: "A", trend: "A" },
        [0.000100023347438522, 0.000100007828526815, 0.894617307886723, 1.604705529729176],
        16.1606478580033,
        38.1606478580033,
        0.620791287959319,
      ],
      [
        { error: "M", trend: "N" },
        [0.999899987810118, 2.840240223238137],
        40.1716910247339,
        49.6002624533053,
        0.0725355146372287,
      ],
      [
        { error: "M", trend: "Ad" },
        [0.202279960854185, 0.202257906580194, 0.979999999699491, 1.272088339542515, 1.577941719043878],
        15.8924205478929,
        48.8924205478929,
        0.00874595317965623,
      ],
      [
        { error: "M", trend: "A" },
        [0.000100011523321057, 0.000100006081090531, 1.305878331949495, 1.5302823451258],
        12.0133685606983,
        34.0133685606983,
        0.00508488577343261,
      ],
    ],
  },
  THROUGH_ZERO: {
    y: THROUGH_ZERO,
    chosen: null,
    fits: [
      [
        { error: "A", trend: "A" },
        [0.000109875854183895, 0.00010000419027585, -1.040037566132907099, 1.010013230448201238],
        8.48604373499007,
        28.4860437349901,
        0.25353047900152,
      ],
      [
        { error: "A", trend: "Ad" },
        [0.120959456596002518, 0.000100003066099435, 0.979947827494922485, -1.250377349933898596, 1.148080384156723976],
        11.5707275181248,
        40.3707275181248,
        0.374680035505787,
      ],
      [
        { error: "M", trend: "A" },
        [0.036804176446678792, 0.000100435369430099, -0.425213398467454207, 0.863997790910902119],
        26.6723411475002,
        46.6723411475002,
        0.0747321073237676,
      ],
      [
        { error: "M", trend: "Ad" },
        [0.3074434179239143, 0.0477290075764014, 0.9799999977635105, -0.4406336123785143, 0.914343481289267],
        27.5480476661933,
        56.3480476661933,
        0.0942910566333523,
      ],
    ],
  },
};

/** |a − b| within 1e-8 of |b| (and of 1e-10 absolutely: parameters near their 1e-4 bound agree to about 1e-11). */
function expectClose(actual: number, expected: number, what: string) {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R's ${expected}`).toBeLessThanOrEqual(
    1e-8 * Math.abs(expected) + 1e-10,
  );
}

describe("fitEts equals R's ets() on every model", () => {
  for (const [name, { y, fits }] of Object.entries(R)) {
    for (const [spec, par, lik, aicc, sigma2] of fits) {
      it(`${name} ${etsName(spec)}: parameters, initial states, −2 log L, AICc and σ²`, () => {
        const fit = fitEts(y, spec);
        expect(fit).not.toBeNull();
        const f = fit!;
        const ours = [f.alpha];
        if (spec.trend !== "N") ours.push(f.beta);
        if (spec.trend === "Ad") ours.push(f.phi);
        ours.push(f.l0);
        if (spec.trend !== "N") ours.push(f.b0);
        expect(ours).toHaveLength(par.length);
        ours.forEach((v, i) => expectClose(v, par[i], `par[${i}]`));
        expectClose(f.lik, lik, "lik");
        expectClose(f.aicc, aicc, "aicc");
        expectClose(f.sigma2, sigma2, "sigma2");
        if (spec.trend !== "Ad") expect(f.phi).toBe(1);
        if (spec.trend === "N") expect([f.beta, f.b0, f.slope]).toEqual([0, 0, 0]);
      });
    }
    const chosen = R[name as keyof typeof R].chosen;
    if (chosen)
      it(`${name}: selectEts chooses R's model`, () => {
        expect(etsName(selectEts(y)!.best.spec)).toBe(chosen);
      });
  }
});

describe("the least-squares SES behind Theta equals R's ses() and thetaf()", () => {
  // s <- ses(ts(y)); s$model$par  ·  thetaf(ts(y), h = 3)$mean
  const cases = [
    {
      y: NOISY,
      ses: [0.730412223177383, 52.663517738311612],
      theta: [73.8872211340561, 74.8400183368533, 75.7928155396505],
    },
    {
      y: Y,
      ses: [0.999899833061299, 2.999335026616699],
      theta: [19.7953338677065, 20.5907884131611, 21.3862429586156],
    },
  ];
  for (const [i, c] of cases.entries()) {
    it(`series ${i + 1}: α and ℓ₀ fitted on Σε²/n, and the Theta forecasts`, () => {
      const fit = fitEts(c.y, { error: "A", trend: "N" }, "mse")!;
      expectClose(fit.alpha, c.ses[0], "alpha");
      expectClose(fit.l0, c.ses[1], "l0");
      const theta = thetaForecast(c.y, 3)!;
      theta.forEach((v, h) => expectClose(v, c.theta[h], `theta h=${h + 1}`));
    });
  }
});

describe("fitEts refuses what has no likelihood", () => {
  it("a constant series: Σε² = 0 at the start, log 0 = −∞, so no fit (and selectEts finds none)", () => {
    expect(fitEts([5, 5, 5, 5, 5, 5], { error: "A", trend: "N" })).toBeNull();
    expect(selectEts([5, 5, 5, 5, 5, 5])).toBeNull();
  });
});
