export { type ChartPng, type ChartPngOptions, chartsToPng, chartToPng, pngFontFamily } from './chart-png.js';
