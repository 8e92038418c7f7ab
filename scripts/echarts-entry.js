// The ECharts we ship: only the chart types, components and renderers the explorer draws
// (src/charts/*). charming's WasmRenderer and our bindings call the global `echarts`, so this
// bundle assigns it. Add an import here when a chart starts using a new component.
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

window.echarts = echarts;
