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

const NOISY = [52, 55, 51, 58, 60, 57, 63, 66, 62, 70, 69, 74];
const Y = [3, 4, 6, 7, 9, 10, 12, 15, 14, 17, 19];

/** R's par (alpha, [beta, [phi,]] l, [b]), −2 loglik, AICc and sigma2. */
type RFit = [spec: EtsSpec, par: number[], lik: number, aicc: number, sigma2: number];

const R: Record<"NOISY" | "Y", { y: number[]; chosen: string; fits: RFit[] }> = {
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
};

/** |a − b| within 1e-8 of |b| (and of 1e-12 absolutely, for the parameters near 1e-4). */
function expectClose(actual: number, expected: number, what: string) {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R's ${expected}`).toBeLessThanOrEqual(
    1e-8 * Math.abs(expected) + 1e-12,
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
    it(`${name}: selectEts chooses R's model`, () => {
      expect(etsName(selectEts(y)!.best.spec)).toBe(R[name as "NOISY" | "Y"].chosen);
    });
  }
});
