echarts.init(document.getElementById("chart")).setOption(window.BASELINE_OPTION);
