#!/usr/bin/env bash
# Lines of presentation code (issue #26 budget: 2,500): what turns a report's numbers into text,
# tables, charts and pages. Counted: the document model and its renderers (loadtests/document/),
# and each command's document builder, tables, charts, sentence builders, number formats and notes.
# Not counted: statistics and decisions (stats/, decide/, analyse/analysis, size-verdict, claim.ts,
# comparisons.ts, summary.ts), measurement, JSON models and types (model.ts, figures.ts), flags,
# grouping of rows (runs.ts) and file writing (write.ts): they compute or store, they do not show.
# Usage: scripts/presentation-lines.sh  (per-folder subtotals, then the total)
set -euo pipefail
cd "$(dirname "$0")/.."
files=(
  loadtests/document/*.ts
  loadtests/report/{answer,answer-findings,cells,charts,client-tables,cores-findings,cost-findings}.ts
  loadtests/report/{document,engine-findings,findings,format,overload-section,provenance-lines}.ts
  loadtests/report/{report-notes,svg,svg-bars,svg-cpu,svg-gantt,svg-marks,swimlanes,tables,trust}.ts
  loadtests/sweep/{conclusions,document,knee-sentences,sizing-sentences,svg-sweep,tables}.ts
  loadtests/crossover/{document,findings,svg-ratio,tables}.ts
  bench/{charts,closing-note,document,sections,startup-chart,startup-table,tables}.ts
  fastapi/{claim-charts,claim-text,comparison-words,document}.ts
  bin/report-documents.ts
)
existing=()
for file in "${files[@]}"; do [[ -f $file ]] && existing+=("$file"); done
wc -l "${existing[@]}" | awk '
  $2 == "total" { total = $1; next }
  { folder = $2; sub(/\/[^\/]*$/, "", folder); sums[folder] += $1 }
  END { for (folder in sums) printf "%6d %s\n", sums[folder], folder; printf "%6d total\n", total }' | sort -k2
