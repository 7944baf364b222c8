# Reference timing for bench/forecast.mjs: R's forecast package on a forecast-benchmark file.
#
# Reads one file of ../shared/data/forecast-benchmarks/ (long form: series, type, split, year,
# value), builds each series' training part as a yearly ts, and times, for every series with
# horizon h = its number of test years:
#
#   forecast(ets(y), h = h, level = c(80, 90))     # ETS, automatic model selection by AICc
#   thetaf(y, h = h, level = c(80, 90))            # Theta method
#
# Reading the file, building the ts objects and loading the package are not timed. One untimed
# warm-up fit (the first series) comes first. Time is measured with proc.time(): elapsed (wall)
# and user.self + sys.self (CPU of this R process). After the timing, the sMAPE of both methods
# over every series and horizon is computed as a check that the work was done (compare with the
# benchmark README's figures).
#
# Usage: Rscript bench/reference/forecast_r.R --data FILE [--repeat 1]
# Prints one JSON object on the last line of stdout.

suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
opt <- list(data = NULL, repeat_ = 1L)
i <- 1L
while (i <= length(args)) {
  a <- args[[i]]
  if (a == "--data") {
    opt$data <- args[[i + 1L]]
    i <- i + 2L
  } else if (a == "--repeat") {
    opt$repeat_ <- as.integer(args[[i + 1L]])
    i <- i + 2L
  } else {
    stop(sprintf("unknown option %s (options: --data FILE, --repeat R)", a))
  }
}
if (is.null(opt$data)) stop("--data FILE is required")
if (is.na(opt$repeat_) || opt$repeat_ < 1L) stop("--repeat expects an integer >= 1")

raw <- read.csv(opt$data, stringsAsFactors = FALSE)
names <- unique(raw$series) # file order
series <- lapply(names, function(nm) {
  rows <- raw[raw$series == nm, ]
  train <- rows[rows$split == "train", ]
  train <- train[order(train$year), ]
  test <- rows[rows$split == "test", ]
  test <- test[order(test$year), ]
  list(
    name = nm,
    y = ts(train$value, start = train$year[1], frequency = 1),
    test = test$value,
    h = nrow(test)
  )
})

cpu_of <- function(p) p[["user.self"]] + p[["sys.self"]]

# Warm-up (untimed): first calls of ets()/thetaf() in this process.
invisible(forecast(ets(series[[1]]$y), h = series[[1]]$h, level = c(80, 90)))
invisible(thetaf(series[[1]]$y, h = series[[1]]$h, level = c(80, 90)))

runs <- vector("list", opt$repeat_)
for (r in seq_len(opt$repeat_)) {
  ets_mean <- vector("list", length(series))
  theta_mean <- vector("list", length(series))
  ets_el <- 0; ets_cpu <- 0; theta_el <- 0; theta_cpu <- 0
  t0 <- proc.time()
  for (k in seq_along(series)) {
    s <- series[[k]]
    p0 <- proc.time()
    fe <- forecast(ets(s$y), h = s$h, level = c(80, 90))
    p1 <- proc.time()
    ft <- thetaf(s$y, h = s$h, level = c(80, 90))
    p2 <- proc.time()
    ets_el <- ets_el + (p1[["elapsed"]] - p0[["elapsed"]]); ets_cpu <- ets_cpu + cpu_of(p1) - cpu_of(p0)
    theta_el <- theta_el + (p2[["elapsed"]] - p1[["elapsed"]]); theta_cpu <- theta_cpu + cpu_of(p2) - cpu_of(p1)
    ets_mean[[k]] <- as.numeric(fe$mean)
    theta_mean[[k]] <- as.numeric(ft$mean)
  }
  t1 <- proc.time()
  runs[[r]] <- list(
    elapsed = t1[["elapsed"]] - t0[["elapsed"]], cpu = cpu_of(t1) - cpu_of(t0),
    ets_elapsed = ets_el, ets_cpu = ets_cpu, theta_elapsed = theta_el, theta_cpu = theta_cpu
  )
}

smape_of <- function(means) {
  num <- 0; n <- 0
  for (k in seq_along(series)) {
    y <- series[[k]]$test; f <- means[[k]]
    num <- num + sum(200 * abs(y - f) / (abs(y) + abs(f)))
    n <- n + length(y)
  }
  num / n
}

num <- function(x) formatC(x, digits = 6, format = "fg", flag = "#")
js_runs <- paste0(vapply(runs, function(r) {
  sprintf(
    '{"elapsed":%s,"cpu":%s,"ets":{"elapsed":%s,"cpu":%s},"thetaf":{"elapsed":%s,"cpu":%s}}',
    num(r$elapsed), num(r$cpu), num(r$ets_elapsed), num(r$ets_cpu), num(r$theta_elapsed), num(r$theta_cpu)
  )
}, ""), collapse = ",")
cat(sprintf(
  '{"r":"%s","forecast":"%s","series":%d,"forecasts":%d,"smape":{"ets":%s,"thetaf":%s},"runs":[%s]}\n',
  paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("forecast")),
  length(series), sum(vapply(series, function(s) s$h, 0L)),
  num(smape_of(ets_mean)), num(smape_of(theta_mean)), js_runs
))
