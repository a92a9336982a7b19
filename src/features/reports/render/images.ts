/**
 * The report's charts as PNG pictures for Word and PDF, with their size, so the documents can place
 * them at the width of the text without distorting them.
 */
import type { Lang } from '../../../i18n/index.js';
import { type ChartSpec, renderChartSvg, svgToPng } from '../../charts/chart.js';
import type { Block, FigureBlock } from './content.js';

export interface ChartPicture {
  png: Buffer;
  /** The SVG's size in points (its own units). */
  width: number;
  height: number;
  /** Alternative text: the chart's title and what it shows. */
  alt: string;
}

/** The chart drawn at 720 points wide, as PNG at 144 dpi. */
export async function chartPicture(chart: ChartSpec, lang: Lang): Promise<ChartPicture> {
  const svg = renderChartSvg(chart, lang);
  const size = /<svg[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  const width = size ? Number(size[1]) : 720;
  const height = size ? Number(size[2]) : 340;
  return { png: await svgToPng(svg), width, height, alt: `${chart.title}. ${chart.summary}` };
}

/** Pictures of every chart among the blocks, by chart id. */
export async function chartPictures(blocks: Block[], lang: Lang): Promise<Map<string, ChartPicture>> {
  const figures = blocks.filter((b): b is FigureBlock => b.type === 'figure');
  const pictures = await Promise.all(figures.map((f) => chartPicture(f.chart, lang)));
  return new Map(figures.map((f, i) => [f.chart.id, pictures[i]!]));
}
