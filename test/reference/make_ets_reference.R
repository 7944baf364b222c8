#!/usr/bin/env Rscript
# Reference figures from R's forecast package for src/forecast/ets.ts and src/forecast/theta.ts.
#
# Run from the repo root (R 4.2, forecast 8.20 from Debian's r-cran-forecast; no other packages):
#
#     Rscript test/reference/make_ets_reference.R
#
# Writes test/reference/ets-reference.json, read by test/forecast/ets-reference.test.ts
# (the test never calls R).
#
# Series: the TRAINING split of the two benchmark files in /work/shared/data/forecast-benchmarks/
# (override the folder with the environment variable BENCHMARK_DIR). From each file, among the
# series with at least 10 training values, in file order: 4 short ones (10-14 values), 3 of
# medium length (15-25) and 3 long ones (> 25), each group taken at evenly spaced positions
# (every k-th series of the group), so the choice is deterministic and covers short and long series.
#
# For each series y (as ts(y), frequency 1):
#   * ets(y)                       -> R's chosen model (fit$method), its AICc, alpha, beta, phi
#   * ets(y, model = "ANN") ... for the six non-seasonal models without multiplicative trend
#     (ANN, AAN, AAdN, MNN, MAN, MAdN; damped = TRUE only for the Ad ones) -> each model's AICc,
#     null when R cannot fit it (error, or an infinite criterion)
#   * thetaf(y, h = 6)$mean        -> Theta point forecasts h = 1..6 ("theta"), and the alpha of
#     the SES inside it ("thetaAlpha"; thetaf calls ses(), i.e. ets(y, "ANN", opt.crit = "mse"))
#   * the same Theta formula with SES fitted by likelihood, ets(y, "ANN") ("thetaLik"): it tells
#     a difference in the formula from a difference in the SES fit criterion
#
# JSON is written by hand (jsonlite is not installed): numbers with 17 significant digits.

suppressPackageStartupMessages(library(forecast))

dir <- Sys.getenv("BENCHMARK_DIR", "/work/shared/data/forecast-benchmarks")
files <- c("m1-yearly.csv", "tourism-yearly.csv")
out_path <- file.path("test", "reference", "ets-reference.json")

groups <- list(
  list(name = "short", lo = 10, hi = 14, k = 4),
  list(name = "medium", lo = 15, hi = 25, k = 3),
  list(name = "long", lo = 26, hi = Inf, k = 3)
)

# ---- minimal JSON writer ---------------------------------------------------------------------
json_num <- function(x) {
  if (is.null(x) || length(x) == 0 || is.na(x) || !is.finite(x)) return("null")
  format(x, digits = 17, scientific = FALSE, trim = TRUE)
}
json_str <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  paste0("\"", s, "\"")
}
json_arr <- function(x) paste0("[", paste(vapply(x, json_num, ""), collapse = ", "), "]")
json_obj <- function(fields, indent = "") {
  inner <- paste0(indent, "  ")
  body <- paste0(inner, json_str(names(fields)), ": ", unlist(fields), collapse = ",\n")
  paste0("{\n", body, "\n", indent, "}")
}

# ---- series selection ------------------------------------------------------------------------
pick <- function(ids, k) {
  if (length(ids) <= k) return(ids)
  # evenly spaced positions, deterministic
  ids[unique(round(seq(1, length(ids), length.out = k)))]
}

chosen <- list()
for (f in files) {
  d <- read.csv(file.path(dir, f), stringsAsFactors = FALSE)
  tr <- d[d$split == "train", ]
  ids <- unique(tr$series) # file order
  len <- vapply(ids, function(s) sum(tr$series == s), 0)
  for (g in groups) {
    in_group <- ids[len >= g$lo & len <= g$hi]
    for (s in pick(in_group, g$k)) {
      rows <- tr[tr$series == s, ]
      rows <- rows[order(rows$year), ]
      chosen[[length(chosen) + 1]] <- list(series = s, file = f, group = g$name, y = rows$value)
    }
  }
}

# ---- fits ------------------------------------------------------------------------------------
models <- list(
  list(name = "ETS(A,N,N)", model = "ANN", damped = FALSE),
  list(name = "ETS(A,Ad,N)", model = "AAN", damped = TRUE),
  list(name = "ETS(A,A,N)", model = "AAN", damped = FALSE),
  list(name = "ETS(M,N,N)", model = "MNN", damped = FALSE),
  list(name = "ETS(M,Ad,N)", model = "MAN", damped = TRUE),
  list(name = "ETS(M,A,N)", model = "MAN", damped = FALSE)
)

par_or_null <- function(fit, p) if (p %in% names(fit$par)) unname(fit$par[[p]]) else NA

entries <- character(0)
for (c in chosen) {
  y <- ts(c$y)
  fit <- ets(y)
  aiccs <- character(0)
  for (m in models) {
    a <- tryCatch(suppressWarnings(ets(y, model = m$model, damped = m$damped)$aicc), error = function(e) NA)
    aiccs <- c(aiccs, setNames(json_num(a), m$name))
  }
  th <- thetaf(y, h = 6)
  theta <- as.numeric(th$mean)
  ses_lik <- ets(y, model = "ANN")
  a_lik <- max(1e-10, ses_lik$par[["alpha"]])
  n <- length(y)
  theta_lik <- as.numeric(forecast(ses_lik, h = 6)$mean) +
    lsfit(0:(n - 1), y)$coefficients[[2]] / 2 * (0:5 + (1 - (1 - a_lik)^n) / a_lik)
  entry <- json_obj(list(
    series = json_str(c$series),
    file = json_str(c$file),
    group = json_str(c$group),
    n = json_num(length(c$y)),
    y = json_arr(c$y),
    method = json_str(fit$method),
    aicc = json_num(fit$aicc),
    alpha = json_num(par_or_null(fit, "alpha")),
    beta = json_num(par_or_null(fit, "beta")),
    phi = json_num(par_or_null(fit, "phi")),
    modelAicc = json_obj(as.list(aiccs), "      "),
    theta = json_arr(theta),
    thetaAlpha = json_num(unname(th$model$alpha)),
    thetaLik = json_arr(theta_lik)
  ), "    ")
  entries <- c(entries, paste0("    ", entry))
  cat(sprintf("%-8s %-20s n=%2d %-12s aicc=%.4f\n", c$series, c$file, length(c$y), fit$method, fit$aicc))
}

header <- list(
  generator = json_str("test/reference/make_ets_reference.R"),
  r = json_str(R.version.string),
  forecast = json_str(as.character(packageVersion("forecast"))),
  note = json_str("training splits of the benchmark files; ets(ts(y)) default settings; modelAicc from ets(ts(y), model, damped) per model, null when R cannot fit it; theta = thetaf(ts(y), h = 6)$mean (SES by opt.crit = mse, as ses() does); thetaLik = the same formula with SES by likelihood, ets(ts(y), model = ANN)")
)
txt <- paste0(
  "{\n",
  paste0("  ", json_str(names(header)), ": ", unlist(header), collapse = ",\n"),
  ",\n  \"series\": [\n", paste(entries, collapse = ",\n"), "\n  ]\n}\n"
)
writeLines(txt, out_path, sep = "")
cat("wrote", out_path, "(", length(entries), "series )\n")
