#!/usr/bin/env bash
# Lines of presentation code (issue #26's budget: 2,500): what turns a report's numbers into text,
# tables, charts and pages. Counted: every .ts file of the folders that show reports
# (loadtests/document, loadtests/report, loadtests/sweep, loadtests/crossover, bench, fastapi) and
# bin/report-documents.ts, less the files below that compute, measure, store or parse instead:
# statistics and decisions, measurement and runners, JSON models and types, flags, file writing.
# A new file in those folders counts until it is listed here with its reason.
# Usage: scripts/presentation-lines.sh  (lines per folder, then the total)
set -euo pipefail
cd "$(dirname "$0")/.."
not_presentation=(
  # the JSON's types and the values that build them (the model owns the schema)
  loadtests/report/{model,figures,overload-model,placement-model,provenance-model,server-model}.ts
  loadtests/report/{assemble,comparisons,summary,runs,steady,latency-summary,failed-rows,write}.ts
  loadtests/sweep/{model,analyse,size-verdict,point-name,run-sweep,flags,main}.ts
  loadtests/crossover/{model,analysis,both-servers,loop-rate,run-crossover,flags,main}.ts
  # bench: its measurements, targets and runner
  bench/{model,comparison,cost-rows,targets,target-values,limit-figure,startup,dispatch}.ts
  bench/{framework,pinning,run,load,window,flags,bare-flags,bare-http-server,health-route,noop-worker,main}.ts
  # fastapi: the claim's decision, the runs and uvicorn
  fastapi/{claim,claim-runs,estimate,rows,run-rows,uvicorn,versions,flags,main}.ts
)
declare -A skip=()
for file in "${not_presentation[@]}"; do skip[$file]=1; done
files=(bin/report-documents.ts)
for file in loadtests/{document,report,sweep,crossover}/*.ts bench/*.ts fastapi/*.ts; do
  [[ -z ${skip[$file]:-} ]] && files+=("$file")
done
wc -l "${files[@]}" | awk '
  $2 == "total" { next }
  { folder = $2; sub(/\/[^\/]*$/, "", folder); sums[folder] += $1; total += $1 }
  END { for (folder in sums) printf "%6d %s\n", sums[folder], folder; printf "%6d total\n", total }' | sort -k2
