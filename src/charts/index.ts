/**
 * Charts: Vega-Lite spec builders (pure functions of results → JSON spec) and, separately,
 * rendering of a spec to SVG and PNG.
 */
export { fanChart, type FanChartOptions } from "./fanChart.js";
export {
  scenarioComparison,
  scenarioComparisonPanels,
  type ScenarioComparisonOptions,
  type ScenarioPanelsOptions,
} from "./scenarioComparison.js";
export { riskMatrix, type RiskMatrixOptions } from "./riskMatrix.js";
export { growthGap, targetGrowth, type GrowthGapOptions } from "./growthGap.js";
export { tornado, swing, type TornadoBar, type TornadoInput, type TornadoOptions } from "./tornado.js";
export { chartConfig, FONT_FAMILY } from "./theme.js";
export { ILLUSTRATIVE_TEXT, provenanceOf, VEGA_LITE_SCHEMA, type Provenance } from "./frame.js";
export {
  DEFAULT_LANG,
  formatNumber,
  formatPercent,
  statusLabel,
  STATUS_ORDER,
  STATUS_WORDS,
  tr,
  unitLabel,
  type Bi,
  type Lang,
} from "./labels.js";
export { cjkFontAvailable, CJK_FONT, CJK_FONT_ADVICE, toPng, toSvg, type PngOptions } from "./render.js";
export { reliabilityChart, type ReliabilityChartOptions } from "./reliability.js";
