#!/usr/bin/python3
"""Reference figures from statsmodels for the trend models in src/forecast/.

Run with Debian's python (statsmodels 0.13.5, numpy, scipy, pandas from apt), from the repo root:

    /usr/bin/python3 test/reference/make_forecast_reference.py

Writes test/reference/forecast-reference.json, read by test/forecast/reference.test.ts.

What is computed for each series (years t, values y):

* OLS of y on the CENTRED year (t - mean t) and on the raw year: coefficients, and forecasts with
  80% and 95% prediction intervals (get_prediction(...).summary_frame, obs_ci_*)      -> "linear"
* the same on ln y                                                                     -> "loglinear"
* the same on logit(y/100) (shares in %)                                               -> "logit"
* WLS with weights w_t = 1/(T - t + 1), new observations with weight 1                 -> "weighted"
* Holt / damped Holt with the initialisation used by src/forecast/holt.ts: states at the first
  observation l0 = y[0], b0 = y[1] - y[0], i.e. a model of y[1:] with initialization_method="known",
  initial_level=y[0], initial_trend=y[1] - y[0]:
    - FIXED smoothing parameters (statsmodels.tsa.holtwinters.ExponentialSmoothing, trend="add",
      fit(optimized=False)): fitted values, SSE, final states, forecasts h = 1..5
    - FITTED parameters ("fitted"): ETSModel(error="add", trend="add"), maximum likelihood = least
      squares with the initial states held fixed; parameters, SSE, forecasts.
      ("fittedHoltWintersFreeInit": ExponentialSmoothing.fit(optimized=True) for the record only: in
      statsmodels 0.13.5 it also re-estimates the "known" initial states, statsmodels issue #8634.)
* ETSModel (statsmodels.tsa.exponential_smoothing.ets) with the same fixed parameters and
  initial states: forecast variance / sigma^2 for h = 1..5 (checks Hyndman et al. 2008 Table 6.1
  as implemented in src/forecast/ets-variance.ts). ETSModel's smoothing_trend is the state-space
  beta = alpha * beta*.
* Student-t quantiles for a few (p, df), to 40 digits with mpmath (scipy's t.ppf alongside; it is
  accurate to only about 1e-9 relative, e.g. t(0.9, 3)).
"""

import csv
import json
import os
import sys
import warnings

import mpmath
import numpy as np
import pandas as pd
import scipy
import scipy.stats
import statsmodels
import statsmodels.api as sm
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CSV = os.path.join(ROOT, "..", "shared", "data", "china-national-innovation.csv")
OUT = os.path.join(HERE, "forecast-reference.json")

H = 5
LEVELS = [80, 95]
FIXED = {"alpha": 0.6, "beta": 0.3, "phi": 0.9}
PHI_BOUNDS = (0.8, 0.98)


def load_rd_intensity():
    years, values = [], []
    with open(CSV, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["indicator"] == "rd_intensity" and 2004 <= int(row["year"]) <= 2018:
                years.append(int(row["year"]))
                values.append(float(row["value"]))
    return years, values


def regression(years, z, future, weights=None):
    """OLS/WLS of z on the centred and on the raw year; forecasts with obs intervals."""
    t = np.asarray(years, dtype=float)
    z = np.asarray(z, dtype=float)
    w = None if weights is None else np.asarray(weights, dtype=float)
    centre = float(np.average(t, weights=w))
    fut = np.asarray(future, dtype=float)

    def fit(x):
        X = sm.add_constant(x, has_constant="add")
        return sm.OLS(z, X).fit() if w is None else sm.WLS(z, X, weights=w).fit()

    res_c = fit(t - centre)
    res_raw = fit(t)
    Xf = sm.add_constant(fut - centre, has_constant="add")
    forecasts = {"years": [int(y) for y in future], "mean": None}
    for level in LEVELS:
        if w is None:
            pred = res_c.get_prediction(Xf)
        else:
            pred = res_c.get_prediction(Xf, weights=np.ones(len(future)))
        frame = pred.summary_frame(alpha=1 - level / 100)
        forecasts["mean"] = frame["mean"].tolist()
        forecasts["seObs"] = np.asarray(pred.se_obs, dtype=float).tolist()
        forecasts[f"lower{level}"] = frame["obs_ci_lower"].tolist()
        forecasts[f"upper{level}"] = frame["obs_ci_upper"].tolist()
    return {
        "centreYear": centre,
        "levelAtCentre": float(res_c.params[0]),
        "slope": float(res_c.params[1]),
        "rawIntercept": float(res_raw.params[0]),
        "rawSlope": float(res_raw.params[1]),
        "ssr": float(res_c.ssr),
        "sigma": float(np.sqrt(res_c.scale)),
        "dfResid": float(res_c.df_resid),
        "fitted": res_c.fittedvalues.tolist(),
        "forecasts": forecasts,
    }


def holt_model(y, damped):
    kwargs = dict(
        trend="add",
        damped_trend=damped,
        initialization_method="known",
        initial_level=y[0],
        initial_trend=y[1] - y[0],
    )
    if damped:
        kwargs["bounds"] = {"damping_trend": PHI_BOUNDS}
    return ExponentialSmoothing(np.asarray(y[1:], dtype=float), **kwargs)


def holt_fixed(y, damped):
    params = dict(smoothing_level=FIXED["alpha"], smoothing_trend=FIXED["beta"])
    if damped:
        params["damping_trend"] = FIXED["phi"]
    res = holt_model(y, damped).fit(optimized=False, **params)
    return {
        "alpha": FIXED["alpha"],
        "beta": FIXED["beta"],
        "phi": FIXED["phi"] if damped else 1.0,
        "fitted": [float(y[0])] + res.fittedvalues.tolist(),
        "sse": float(res.sse),
        "level": float(res.level[-1]),
        "trend": float(res.trend[-1]),
        "forecast": res.forecast(H).tolist(),
    }


def holt_fitted_holtwinters(y, damped):
    """ExponentialSmoothing.fit(optimized=True). CAUTION: in statsmodels 0.13.5 this also optimises
    the "known" initial level and trend (statsmodels issue #8634), so it has two more free parameters
    than holt.ts and its SSE is not comparable; kept for the record only."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = holt_model(y, damped).fit(optimized=True)
    return {
        "alpha": float(res.params["smoothing_level"]),
        "beta": float(res.params["smoothing_trend"]),
        "phi": float(res.params["damping_trend"]) if damped else 1.0,
        "initialLevel": float(res.params["initial_level"]),
        "initialTrend": float(res.params["initial_trend"]),
        "sse": float(res.sse),
        "forecast": res.forecast(H).tolist(),
    }


def ets_model(y, damped):
    # (a pandas Series: statsmodels 0.13.5's get_prediction fails on a bare ndarray)
    return ETSModel(
        pd.Series(np.asarray(y[1:], dtype=float)),
        error="add",
        trend="add",
        damped_trend=damped,
        initialization_method="known",
        initial_level=y[0],
        initial_trend=y[1] - y[0],
    )


def holt_fitted_ets(y, damped):
    """ETSModel(error="add", trend="add"[, damped]) fitted by maximum likelihood with the known
    initial states held fixed. With additive Gaussian errors and sigma concentrated out, maximising the
    likelihood is minimising the SSE, so this is statsmodels' least-squares Holt fit. ETSModel's
    bounds: alpha in [1e-4, 0.9999], state-space beta = alpha*beta* in [1e-4, alpha], phi in [0.8, 0.98]."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ets_model(y, damped).fit(disp=False)
    alpha = float(res.smoothing_level)
    beta_ss = float(res.smoothing_trend)
    return {
        "alpha": alpha,
        "beta": beta_ss / alpha,  # Holt's beta* (holt.ts, holtwinters)
        "betaStateSpace": beta_ss,
        "phi": float(res.damping_trend) if damped else 1.0,
        "sse": float(res.sse),
        "forecast": np.asarray(res.forecast(H)).tolist(),
    }


def ets_variance_factors(y, damped):
    """Forecast variance / sigma^2 for h = 1..H from ETSModel with fixed parameters."""
    model = ets_model(y, damped)
    params = {
        "smoothing_level": FIXED["alpha"],
        "smoothing_trend": FIXED["alpha"] * FIXED["beta"],  # state-space beta
    }
    if damped:
        params["damping_trend"] = FIXED["phi"]
    with model.fix_params(params):
        res = model.fit(disp=False)
    n = len(y) - 1
    pred = res.get_prediction(start=n, end=n + H - 1)
    var = np.asarray(pred.forecast_variance, dtype=float)
    # ETSModel's exact prediction variance is mse * relative variance (Hyndman et al. Table 6.1).
    return (var / float(res.mse)).tolist()


def t_quantile_mp(p, df):
    """Student-t quantile to 40 significant digits with mpmath (scipy's stdtrit is good to ~1e-9 only)."""
    mpmath.mp.dps = 40
    p = mpmath.mpf(p)  # the exact binary value of the double p
    tail = 1 - p if p > 0.5 else p
    nu = mpmath.mpf(df)

    def f(t):
        return mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2 - tail

    start = abs(float(scipy.stats.t.ppf(float(p), df)))
    t = mpmath.findroot(f, mpmath.mpf(start))
    return float(t if p > 0.5 else -t)


def series_block(name, years, values, share):
    future = list(range(years[-1] + 1, years[-1] + 1 + H))
    block = {"name": name, "years": years, "values": values, "futureYears": future}
    block["linear"] = regression(years, values, future)
    if all(v > 0 for v in values):
        block["loglinear"] = regression(years, np.log(values), future)
    if share:
        block["logit"] = regression(years, np.log(np.asarray(values) / (100 - np.asarray(values))), future)
    last = years[-1]
    block["weighted"] = regression(years, values, future, weights=[1 / (last - t + 1) for t in years])
    consecutive = all(b - a == 1 for a, b in zip(years, years[1:]))
    if consecutive:
        for key, damped in (("holt", False), ("holtDamped", True)):
            block[key] = {
                "fixed": holt_fixed(values, damped),
                "fitted": holt_fitted_ets(values, damped),
                "fittedHoltWintersFreeInit": holt_fitted_holtwinters(values, damped),
            }
        block["etsVarianceFactors"] = {
            "holt": ets_variance_factors(values, False),
            "holtDamped": ets_variance_factors(values, True),
        }
    return block


def main():
    rd_years, rd_values = load_rd_intensity()
    series = [
        # Real: China's national R&D intensity (% of GDP), 2004-2018, as first published.
        series_block("rd_intensity_china_2004_2018", rd_years, rd_values, share=True),
        # Made up: a short rising series with noise.
        series_block(
            "example_short",
            list(range(2015, 2023)),
            [12.0, 13.1, 13.9, 15.2, 15.8, 17.1, 18.3, 18.9],
            share=True,
        ),
        # Made up: a series with gaps (regressions only; holt refuses gaps).
        series_block(
            "example_gaps",
            [2010, 2011, 2013, 2014, 2016, 2017],
            [3.2, 3.5, 4.4, 4.6, 5.5, 5.9],
            share=False,
        ),
    ]
    t_quantiles = [
        {"p": p, "df": df, "q": t_quantile_mp(p, df), "scipy": float(scipy.stats.t.ppf(p, df))}
        for p, df in [
            (0.9, 1), (0.9, 2), (0.9, 3), (0.975, 5), (0.975, 1), (0.995, 2), (0.95, 10),
            (0.975, 30), (0.9995, 3), (0.6, 4), (0.1, 7), (0.999999, 3), (0.975, 2.5), (0.9, 13),
        ]
    ]
    out = {
        "generatedBy": "test/reference/make_forecast_reference.py",
        "versions": {
            "python": sys.version.split()[0],
            "statsmodels": statsmodels.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "mpmath": mpmath.__version__,
        },
        "horizon": H,
        "levels": LEVELS,
        "holtFixedParams": FIXED,
        "phiBounds": list(PHI_BOUNDS),
        "series": series,
        "studentTQuantiles": t_quantiles,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
