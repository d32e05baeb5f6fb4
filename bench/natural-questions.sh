#!/usr/bin/env bash
# Gathers a public question set written by people together with its source documents, into a directory outside
# the repository (default /work/corpus-nq): financial analysts' questions over twenty 10-Q filings (AAPL, AMZN, INTC,
# MSFT, NVDA, 2022 Q3 - 2023 Q3) with reviewed answers, from docugami/KG-RAG-datasets (sec-10-q, v1). Nothing in
# it is generated from the documents' headings or pages; NaturalQuestionsBenchmark takes a question's evidence pages
# from the figures its answer states.
#
#   bench/natural-questions.sh [target-dir]
#   java -Xmx3g -cp bench/target/classes:$(cat bench/target/classpath.txt) io.vectorless.bench.NaturalQuestionsBenchmark /work/corpus-nq/sec-10-q
set -euo pipefail
target=${1:-/work/corpus-nq}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$target/sec-10-q"
git clone -q --filter=blob:none --no-checkout https://github.com/docugami/KG-RAG-datasets.git "$work/repo"
git -C "$work/repo" show HEAD:sec-10-q/data/v1/qna_data.csv > "$target/sec-10-q/qna_data.csv"
git -C "$work/repo" ls-tree -r --name-only HEAD sec-10-q/data/v1/docs | while IFS= read -r path; do
  name=$(basename "$path")
  git -C "$work/repo" show "HEAD:$path" > "$target/sec-10-q/${name// /_}"
done
