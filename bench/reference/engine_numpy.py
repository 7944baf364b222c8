#!/usr/bin/env python3
"""Vectorised NumPy reference of the targetcast Monte Carlo engine (issue 3, item 6).

Reads a plan written by bench/engine.mjs (bench/out/plan.json, produced by planToJson) and runs
THE SAME MODEL as src/simulate/monteCarlo.ts + src/model/*.ts, vectorised over paths:

  1. every parameter is drawn for all paths at once (normal, triangular, uniform, lognormal,
     and a trend's U ~ uniform(0, 1) for its tabulated quantile function), clamped to [min, max]
     (null = unbounded);
  2. for each year and each node in `order`, the node's mechanism (growth, count, leveraged,
     elastic, inventory, ratio, solow, trend, and the programme levers: programme, response,
     top-up) is applied to whole arrays (one value per path), drawing its yearly shocks for all
     paths at once, clamped to the node's [min, max];
  3. mean and quantiles 5, 10, 25, 50, 75, 90, 95 of every indicator in every projected year
     with np.quantile(..., method="linear") (see summarise() for the three ways of calling it).

Random numbers are NumPy's Generator(PCG64), not the engine's sfc32 streams, so results agree
with the TypeScript engine statistically (to Monte Carlo error), not bit for bit.

Usage: /usr/bin/python3 bench/reference/engine_numpy.py [--plan bench/out/plan.json]
           [--paths 100000] [--repeat 3] [--seed 20141] [--summary bench/out/numpy-summary.json]
           [--quantiles rows|axis0|axis]
Prints one JSON object with the same fields as `node bench/engine.mjs --json`.
"""
import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

import numpy as np

LEVELS = np.array([0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95])


def clamp(x, lo, hi):
    """clamp() of src/model/types.ts on arrays, in place; lo/hi None = unbounded. NaN stays NaN."""
    if lo is not None or hi is not None:
        np.clip(x, lo, hi, out=x)
    return x


def draw_param(p, rng, n):
    """All paths' draws of one ParamSlot (src/stats/param.ts draw; a trend's uniform U)."""
    if isinstance(p, (int, float)):
        return np.full(n, float(p))
    d = p["dist"]
    if d == "normal":
        return p["mean"] + p["sd"] * rng.standard_normal(n)
    if d == "triangular":
        lo, mode, hi = p["min"], p["mode"], p["max"]
        if hi == lo:
            return np.full(n, float(lo))
        return rng.triangular(lo, mode, hi, n)
    if d == "uniform":
        return p["min"] + (p["max"] - p["min"]) * rng.random(n)
    if d == "lognormal":
        return p["median"] * np.exp(p["sigma"] * rng.standard_normal(n))
    raise ValueError(f"unknown distribution {d!r}")


def normal_cdf(z):
    return 0.5 * np.vectorize(math.erfc)(-z / math.sqrt(2.0))


def from_standard_normal(p, z):
    """F⁻¹(Φ(z)) for a parameter's marginal (src/stats/param.ts fromStandardNormal)."""
    if isinstance(p, (int, float)):
        return np.full(z.shape, float(p))
    d = p["dist"]
    if d == "normal":
        return p["mean"] + p["sd"] * z
    if d == "lognormal":
        return p["median"] * np.exp(p["sigma"] * z)
    u = normal_cdf(z)
    if d == "uniform":
        return p["min"] + (p["max"] - p["min"]) * u
    if d == "triangular":
        lo, mode, hi = p["min"], p["mode"], p["max"]
        if hi == lo:
            return np.full(z.shape, float(lo))
        c = (mode - lo) / (hi - lo)
        return np.where(u < c, lo + np.sqrt(u * (hi - lo) * (mode - lo)), hi - np.sqrt((1 - u) * (hi - lo) * (hi - mode)))
    raise ValueError(f"unknown distribution {d!r}")


def simulate(plan, paths, seed):
    """Returns values[indicator, projected year, path] and the parameter draws [param, path]."""
    rng = np.random.Generator(np.random.PCG64(seed))
    years = plan["years"]
    n = len(years)
    first = plan["baseIndex"] + 1
    n_out = n - first
    n_ind = len(plan["indicators"])
    nodes = [(i, plan["nodes"][i]) for i in plan["order"]]  # a node's slot is its index in plan.nodes

    # 1. parameters, in plan order, clamped to the slot's bounds
    draws = np.empty((len(plan["params"]), paths))
    for k, slot in enumerate(plan["params"]):
        draws[k] = draw_param(slot["param"], rng, paths)
        clamp(draws[k], slot["min"], slot["max"])
    # correlated parameters (Gaussian copula): Z = L·ε per path, each mapped through its marginal
    copula = plan.get("copula")
    if copula:
        members = copula["members"]
        m = len(members)
        lower = np.array(copula["lower"]).reshape(m, m)
        z = lower @ rng.standard_normal((m, paths))
        for j, k in enumerate(members):
            slot = plan["params"][k]
            draws[k] = from_standard_normal(slot["param"], z[j])
            clamp(draws[k], slot["min"], slot["max"])

    # state[slot][y]: observed history is one scalar shared by all paths (broadcast, no copy);
    # a simulated year is a (paths,) array — for projected years a row of `values`.
    hist = plan["history"]
    state = [[(np.nan if hist[s * n + y] is None else float(hist[s * n + y])) for y in range(n)] for s in range(n_ind)]
    values = np.empty((n_ind, n_out, paths))

    def target(slot, y):
        return values[slot, y - first] if y >= first else np.empty(paths)

    boost_of = {name[len("boost."):]: i for i, name in enumerate(plan["indicators"]) if name.startswith("boost.")}
    alloc = plan.get("allocation") or {"amount": 0.0, "split": []}

    def boost_slot(node):
        """Slot of boost.<indicator> (programme response) acting on this node, or None."""
        b = node["constants"].get("boost", boost_of.get(node["indicator"], -1))
        return None if b is None or b < 0 else b

    # correlated yearly shocks (Gaussian copula within each year): Z = L·ε, member j's row is its ε_t
    shock_copula = plan.get("shockCopula")
    shock_rows = {}

    def yearly_shock(slot):
        """The standard normal yearly shocks of a node: its copula row for this year, else its own draws."""
        return shock_rows[slot] if slot in shock_rows else rng.standard_normal(paths)

    def shocked_factor(out, rate, vol, boost, y, slot):
        """out = max(0, 1 + rate + b_y + σ ε) (growth and leveraged)."""
        np.add(rate, 1.0, out=out)
        if boost is not None:
            out += state[boost][y]
        if vol > 0:
            out += vol * yearly_shock(slot)
        np.maximum(out, 0.0, out=out)

    start = min(node["firstStep"] for _, node in nodes)
    for y in range(start, n):
        if shock_copula:
            members = shock_copula["members"]
            m = len(members)
            z = np.array(shock_copula["lower"]).reshape(m, m) @ rng.standard_normal((m, paths))
            shock_rows = {s: z[j] for j, s in enumerate(members)}
        for slot, node in nodes:
            if y < node["firstStep"]:
                continue
            c = node["constants"]
            lo, hi = c.get("min"), c.get("max")
            po = node["paramOffset"]
            out = target(slot, y)
            mech = node["mechanism"]
            if mech == "growth":
                # v_t = v_{t-1} * max(0, 1 + r + b_t + σ ε)
                shocked_factor(out, draws[po], c["volatility"], boost_slot(node), y, slot)
                out *= state[slot][y - 1]
            elif mech == "count":
                # v_t = v_{t-1} + N_t, N_t ~ Poisson(λ + b_t) | NegBin(mean λ + b_t, size r) | λ + b_t
                lam = draws[po]
                boost = boost_slot(node)
                if boost is not None:
                    lam = lam + state[boost][y]
                kind = c["distribution"]
                if kind == "fixed":
                    added = lam
                elif kind == "poisson":
                    added = rng.poisson(np.maximum(lam, 0.0))
                else:  # negative binomial as a gamma–Poisson mixture: Poisson(Gamma(r, scale λ/r))
                    r = c["dispersion"]
                    added = rng.poisson(rng.gamma(r, np.maximum(lam, 0.0) / r))
                np.add(state[slot][y - 1], added, out=out)
            elif mech == "leveraged":
                # v_t = v_{t-1} * max(0, 1 + g + b_t + σ ε) + m * c * (D_t − D_{t-1})
                d = c["driver"]
                shocked_factor(out, draws[po], c["volatility"], boost_slot(node), y, slot)
                out *= state[slot][y - 1]
                out += draws[po + 1] * (c["conversion"] * (state[d][y] - state[d][y - 1]))
            elif mech == "elastic":
                # v_t = v_b * (D_{t−L} / D_{b−L})^β * exp(σ ε) * (1 + b_t)
                d, lag, b = c["driver"], c["lag"], c["baseIndex"]
                ratio = np.divide(state[d][y - lag], state[d][b - lag])
                np.power(ratio, draws[po], out=out)
                out *= state[slot][b]
                vol = c["volatility"]
                if vol > 0:
                    out *= np.exp(vol * yearly_shock(slot))
                boost = boost_slot(node)
                if boost is not None:
                    out *= 1.0 + state[boost][y]
            elif mech == "inventory":
                # K_t = (1 − δ) K_{t−1} + F_t
                np.subtract(1.0, draws[po], out=out)
                out *= state[slot][y - 1]
                out += state[c["flow"]][y]
            elif mech == "ratio":
                # v_t = min(scale * N_t / D_t, max); no value (NaN) for D_t <= 0
                den = state[c["denominator"]][y]
                with np.errstate(divide="ignore", invalid="ignore"):
                    np.copyto(out, np.where(den > 0, c["scale"] * state[c["numerator"]][y] / den, np.nan))
            elif mech == "solow":
                # E_A = (y − α k − (1 − α) l) / y * 100, growth by the level method over `window` years
                w = c["window"]
                alpha = draws[po]

                def level_growth(s):
                    return np.power(np.divide(state[s][y], state[s][y - w]), 1.0 / w) - 1.0

                gy = level_growth(c["output"])
                gk = level_growth(c["capital"])
                gl = level_growth(c["labour"])
                res = (gy - alpha * gk - (1.0 - alpha) * gl) / gy * 100.0
                np.copyto(out, np.where(gy > 0, res, 0.0))  # no contribution when y ≤ 0 (or NaN)
            elif mech == "trend":
                # v_t = Q_t(U) * Π_{first ≤ s ≤ t} (1 + b_s), Q_t tabulated, linear in between
                k = y - node["firstStep"]
                m = c["nQuantiles"]
                np.copyto(out, np.interp(draws[po], c["probabilities"], c["quantiles"][k * m:(k + 1) * m]))
                boost = boost_slot(node)
                if boost is not None:
                    for s in range(node["firstStep"], y + 1):
                        out *= 1.0 + state[boost][s]
            elif mech == "programme":
                # B_{p,t} = amount * split_p from the start year, 0 before: the same for every path
                value = alloc["amount"] * alloc["split"][c["programme"]] if y >= c["startIndex"] else 0.0
                out[...] = value
                state[slot][y] = value
                continue
            elif mech == "response":
                # boost_t = Σ_p E_p * B_{p,t−L} / (B_{p,t−L} + H_p)   (0 for B ≤ 0)
                out[...] = 0.0
                for i, (sp, lag, half) in enumerate(zip(c["spending"], c["lags"], c["halves"])):
                    t = y - lag
                    spend = state[sp][t] if t >= 0 else 0.0
                    if np.ndim(spend) == 0:
                        if spend > 0:
                            out += draws[po + i] * (spend / (spend + half))
                    else:
                        out += np.where(spend > 0, draws[po + i] * spend / (spend + half), 0.0)
            elif mech == "top-up":
                # F_t = F^bau_t + c * Σ_p B_{p,t}
                extra = sum(state[sp][y] for sp in c["spending"])
                np.add(state[c["bau"]][y], c["conversion"] * extra, out=out)
            else:
                raise ValueError(f"mechanism {mech!r} of {node['indicator']} is not implemented in the NumPy reference")
            clamp(out, lo, hi)
            if mech == "trend" and c.get("wholeNumbers"):
                np.round(out, out=out)  # a count follows its trend in whole units
            state[slot][y] = out
    return values, draws


def summarise(values, mode="rows"):
    """Mean and quantiles of every indicator and year over paths: arrays [level, indicator, year].

    mode "rows": np.quantile on each contiguous (indicator, year) row of paths — the fastest form
    measured with NumPy 1.24 (np.quantile with an axis moves that axis first and partitions along a
    strided axis); "axis0": one np.quantile(..., axis=0) call over a (paths, indicators·years) copy;
    "axis": one call with axis=-1 on values as they are. All give identical results.
    """
    n_ind, n_out, paths = values.shape
    rows = values.reshape(n_ind * n_out, paths)
    if mode == "rows":
        q = np.empty((len(LEVELS), n_ind * n_out))
        for i in range(rows.shape[0]):
            q[:, i] = np.quantile(rows[i], LEVELS, method="linear")
        q = q.reshape(len(LEVELS), n_ind, n_out)
    elif mode == "axis0":
        q = np.quantile(np.ascontiguousarray(rows.T), LEVELS, axis=0, method="linear").reshape(len(LEVELS), n_ind, n_out)
    else:
        q = np.quantile(values, LEVELS, axis=-1, method="linear")
    mean = values.mean(axis=-1)
    return q, mean


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plan", default=os.path.join(root, "bench", "out", "plan.json"))
    ap.add_argument("--paths", type=int, default=100000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20141)
    ap.add_argument("--summary", default=os.path.join(root, "bench", "out", "numpy-summary.json"))
    ap.add_argument("--quantiles", choices=["rows", "axis0", "axis"], default="rows", help="how np.quantile is called (see summarise)")
    args = ap.parse_args()

    with open(args.plan, encoding="utf-8") as f:
        plan = json.load(f)
    np.seterr(all="ignore")  # x/0, log 0, exp overflow: same IEEE results as the engine
    simulate(plan, 1000, args.seed + 1)  # warm-up (imports, allocator)

    sim_s, quant_s, sim_cpu, quant_cpu = [], [], [], []
    values = None
    for _ in range(args.repeat):
        values = None
        c0, t0 = time.process_time(), time.perf_counter()
        values, _draws = simulate(plan, args.paths, args.seed)
        c1, t1 = time.process_time(), time.perf_counter()
        q, mean = summarise(values, args.quantiles)
        c2, t2 = time.process_time(), time.perf_counter()
        sim_s.append(t1 - t0)
        quant_s.append(t2 - t1)
        sim_cpu.append(c1 - c0)
        quant_cpu.append(c2 - c1)

    n_ind, n_out, _ = values.shape
    cells = args.paths * n_ind * n_out
    first = plan["baseIndex"] + 1
    out_years = plan["years"][first:]
    totals = [a + b for a, b in zip(sim_s, quant_s)]
    ms = lambda s: s * 1e3
    ns = lambda s: s * 1e9 / cells
    best = {"simulate": min(sim_s), "quantiles": min(quant_s), "total": min(totals)}
    med = {"simulate": statistics.median(sim_s), "quantiles": statistics.median(quant_s), "total": statistics.median(totals)}

    median_level = int(np.where(LEVELS == 0.5)[0][0])
    w = max(0.01, 2 / np.sqrt(args.paths))  # as bench/engine.mjs: about 4 standard errors of the CDF at the median
    near = np.quantile(values[:, -1, :], [0.5 - w, 0.5 + w], axis=-1, method="linear")
    summary = {
        "engine": "numpy",
        "year": out_years[-1],
        "paths": args.paths,
        "seed": args.seed,
        "medians": {ind: float(q[median_level, s, -1]) for s, ind in enumerate(plan["indicators"])},
        "means": {ind: float(mean[s, -1]) for s, ind in enumerate(plan["indicators"])},
        # quantiles 0.5 ± w (outside the timings): lets bench/run.mjs recognise a discrete median on a step
        "medianBand": {"halfWidth": w, "values": {ind: [float(a), float(b)] for ind, (a, b) in zip(plan["indicators"], near.T)}},
    }
    os.makedirs(os.path.dirname(args.summary), exist_ok=True)
    with open(args.summary, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)

    print(json.dumps({
        "engine": "numpy",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "cpu": platform.processor() or platform.machine(),
        "paths": args.paths,
        "seed": args.seed,
        "repeat": args.repeat,
        "indicators": n_ind,
        "years": n_out,
        "firstYear": out_years[0],
        "lastYear": out_years[-1],
        "cells": cells,
        "ms": {
            "best": {k: ms(v) for k, v in best.items()},
            "median": {k: ms(v) for k, v in med.items()},
            "runs": {"simulate": [ms(s) for s in sim_s], "quantiles": [ms(s) for s in quant_s]},
        },
        "cpuMs": {"best": {"simulate": ms(min(sim_cpu)), "quantiles": ms(min(quant_cpu)), "total": ms(min(a + b for a, b in zip(sim_cpu, quant_cpu)))}},
        "quantileMode": args.quantiles,
        "nsPerCell": {
            "best": {k: ns(v) for k, v in best.items()},
            "median": {k: ns(v) for k, v in med.items()},
        },
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
