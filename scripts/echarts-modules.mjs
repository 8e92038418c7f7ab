// The parts of ECharts the explorer draws with: the chart types, components and renderers of
// the ECharts we ship (scripts/echarts-entry.js bundles them for the browser) and of the static
// drawings the build makes in Node (scripts/prerender.mjs). One list, so that both lay a chart
// out with the same code: the full `echarts` package also installs features we do not ship,
// such as the legacy `grid.containLabel` layout, which put the drawing's plot 6 px higher than
// the live chart's that replaces it. Add a module here when a chart starts using a new one.
import { BarChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

export const ECHARTS_MODULES = [
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
];
