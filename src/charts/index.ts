/**
 * Charts: Vega-Lite spec builders (pure functions of results → JSON spec) and, separately,
 * rendering of a spec to SVG and PNG.
 */
export { type FanChartOptions, fanChart } from "./fanChart.js";
export { ILLUSTRATIVE_TEXT, type Provenance, provenanceOf, VEGA_LITE_SCHEMA } from "./frame.js";
export { type GrowthGapOptions, growthGap, targetGrowth } from "./growthGap.js";
export {
  ALL_STATUSES,
  type Bi,
  COMMITMENT_STATUS_ORDER,
  DEFAULT_LANG,
  formatNumber,
  formatPercent,
  type Lang,
  STATUS_ORDER,
  STATUS_WORDS,
  statusLabel,
  tr,
  unitLabel,
} from "./labels.js";
export { type ReliabilityChartOptions, reliabilityChart } from "./reliability.js";
export { CJK_FONT, CJK_FONT_ADVICE, cjkFontAvailable, type PngOptions, toPng, toSvg } from "./render.js";
export { type RiskMatrixOptions, riskMatrix } from "./riskMatrix.js";
export {
  type ScenarioComparisonOptions,
  type ScenarioPanelsOptions,
  scenarioComparison,
  scenarioComparisonPanels,
} from "./scenarioComparison.js";
export { chartConfig, FONT_FAMILY } from "./theme.js";
export { swing, type TornadoBar, type TornadoInput, type TornadoOptions, tornado } from "./tornado.js";
