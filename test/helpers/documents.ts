// Each command's report rendered through its document, by the names the tests use.
import { benchDocument } from '../../bench/document.ts';
import type { BenchReport } from '../../bench/model.ts';
import { fastapiDocument } from '../../fastapi/document.ts';
import { crossoverDocument } from '../../loadtests/crossover/document.ts';
import type { CrossoverReport } from '../../loadtests/crossover/model.ts';
import { renderHtml as html } from '../../loadtests/document/html.ts';
import { renderMarkdown as markdown } from '../../loadtests/document/markdown.ts';
import { renderTerminal as terminal } from '../../loadtests/document/terminal.ts';
import { loadtestDocument } from '../../loadtests/report/document.ts';
import type { Report } from '../../loadtests/report/model.ts';
import { sweepDocument } from '../../loadtests/sweep/document.ts';
import type { SweepReport } from '../../loadtests/sweep/model.ts';

export const renderMarkdown = (report: Report): string => markdown(loadtestDocument(report));
export const renderHtml = (report: Report): string => html(loadtestDocument(report));
export const renderTerminal = (report: Report): string => terminal(loadtestDocument(report));
export const renderFastapiMarkdown = (report: Report): string => markdown(fastapiDocument(report));
export const renderFastapiHtml = (report: Report): string => html(fastapiDocument(report));
export const renderSweepMarkdown = (report: SweepReport): string => markdown(sweepDocument(report));
export const renderSweepHtml = (report: SweepReport): string => html(sweepDocument(report));
export const renderSweepTerminal = (report: SweepReport): string => terminal(sweepDocument(report));
export const renderCrossoverMarkdown = (report: CrossoverReport): string => markdown(crossoverDocument(report));
export const renderCrossoverHtml = (report: CrossoverReport): string => html(crossoverDocument(report));
export const renderCrossoverTerminal = (report: CrossoverReport): string => terminal(crossoverDocument(report));
export const renderBenchMarkdown = (report: BenchReport): string => markdown(benchDocument(report));
export const renderBenchHtml = (report: BenchReport): string => html(benchDocument(report));
