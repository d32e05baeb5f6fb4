#!/usr/bin/env bash
# Gathers the real-document corpus StructureBenchmark measures on, from public sources, into a directory outside the
# repository (default /work/corpus): one sub-directory per kind. Nothing here is tuned on; the documents stay out of
# the repository. Needs git, apt-get (Debian) and, for the DOCX truth, pandoc (Debian's package).
#
#   bench/real-corpus.sh [target-dir]
#   java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.vectorless.bench.StructureBenchmark -v /work/corpus
set -euo pipefail
target=${1:-/work/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$target"/{tenk,reports,papers,manuals,books,legal,docx,scans}

# take REPO PATH KIND NAME: one file of a public GitHub repository
take() {
  local repo=$1 path=$2 kind=$3 name=$4 dir="$work/${1//\//+}"
  if [ ! -d "$dir" ]; then
    git clone -q --filter=blob:none --no-checkout "https://github.com/$repo.git" "$dir"
  fi
  git -C "$dir" show "HEAD:$path" > "$target/$kind/$name" 2>/dev/null \
    || git -C "$dir" show "$(git -C "$dir" log --all --diff-filter=AM --format=%H -1 -- "$path"):$path" \
         > "$target/$kind/$name"
}

# 10-K filings (company investor-relations PDFs, 2020-2023) and 10-Q filings
for year in 2020 2021 2022 2023; do
  for company in AMZN APPL GOOGL MSFT NVDA; do
    take francesco-sodano/itsarag "data/fsi/pdf/$year FY $company.pdf" tenk "${year}_FY_${company}.pdf"
  done
done
# (that repository's data/10k/lyft_2021.pdf is the same Uber filing as uber_2021.pdf, so it is not taken)
take venkateshtata/multisource_rag data/10k/uber_2021.pdf tenk uber_2021.pdf
for q in "2023 Q1 AAPL" "2023 Q2 INTC" "2023 Q3 MSFT" "2022 Q3 NVDA" "2023 Q1 AMZN"; do
  take docugami/KG-RAG-datasets "sec-10-q/data/v1/docs/$q.pdf" tenk "10Q_${q// /_}.pdf"
done

# reports: US federal agency performance reports, clinical-trial protocols
for year in 2013 2015 2017 2019 2020 2022; do
  take docugami/KG-RAG-datasets "us-fed-agency-reports/data/v1/docs/$year-annual-performance-report.pdf" reports "apr-$year.pdf"
done
for n in EPA2022 HHS2022 EDAPP2022 DOC2022; do
  take docugami/KG-RAG-datasets "us-fed-agency-reports/data/v1/docs/$n.pdf" reports "$n.pdf"
done
for n in NCT06152367_Prot_000 NCT06152900_Prot_SAP_000 NCT06152952_Prot_000 NCT06157684_Prot_000; do
  take docugami/KG-RAG-datasets "nih-clinical-trial-protocols/data/v1/docs/$n.pdf" reports "$n.pdf"
done

# scientific papers (arXiv)
for p in 01-resnets/papers/1512.03385 01-resnets/papers/1608.06993 02-normalization/papers/1502.03167 \
         02-normalization/papers/1607.06450 02-normalization/papers/1803.08494 04-transfer/papers/1206.5538 \
         04-transfer/papers/1611.03530 05-segmentation/papers/1505.04597 05-segmentation/papers/1708.02002 \
         06-adversarial/papers/1412.6572 06-adversarial/papers/1503.02531 07-generative/papers/1312.6114 \
         07-generative/papers/1406.2661 08-arch-search/papers/1611.01578 08-arch-search/papers/1710.05941 \
         09-uncertainty/papers/1506.02142 09-uncertainty/papers/1612.01474 10-attention/papers/1706.03762 \
         10-attention/papers/1409.0473 11-efficient/papers/1704.04861 04-transfer/papers/survey09; do
  take chrischute/papers "$p/$(basename "$p").pdf" papers "$(basename "$p").pdf"
done

# books and long reports with a printed contents page
take AllenDowney/ThinkPython2 book/thinkpython2.pdf books thinkpython2.pdf
take checktor/cphb book.pdf books cphb.pdf
# LaTeX books with a printed contents page and complete bookmarks (the bookmarks are the truth)
take annpiek/ThinkDataStructures book/book.pdf books ThinkDataStructures.pdf
take Osama-Elsamny/PhysicalModelingInMATLAB book/book.pdf books PhysicalModelingInMATLAB.pdf
take ayoungprogrammer/CSHandbook book/book.pdf books CSHandbook.pdf
for n in 2014-annual-performance-report 2016-annual-performance-report 2018-annual-performance-report \
         DHS2020 DOL2022 DOSAID2022 DOT2022 GSA2022 NARA2022; do
  take docugami/KG-RAG-datasets "us-fed-agency-reports/data/v1/docs/$n.pdf" books "$n.pdf"
done

# legal and regulatory texts (Chapter/Section/Article, Requirement, numbered sections, appendices)
for f in CSC-MASTER-VER61-FINAL.pdf GDPR.pdf PCI_DSS_v3-2.pdf nistspecialpublication800-30r1.pdf \
         nistspecialpublication800-66r1_HIPAA.pdf; do
  take rememberlenny/Compliance-Documents "$f" legal "$f"
done
# Their truth is the printed contents (GDPR: its Chapter/Section/Article headings), checked by hand and kept beside
# each PDF as name.pdf.toc (level|title|physical page); copy them in from where they are kept when present.
if [ -n "${TRUTH_DIR:-}" ]; then
  for t in "$TRUTH_DIR"/*.toc; do
    for kind in books legal reports; do [ -f "$target/$kind/$(basename "$t" .toc)" ] && cp "$t" "$target/$kind/"; done
  done
fi

# manuals from Debian's documentation packages
(cd "$work" && apt-get download r-doc-pdf docbook-xsl-doc-pdf auto-multiple-choice-doc-pdf camlidl-doc gri-pdf-doc \
  && for deb in *.deb; do dpkg-deb -x "$deb" x; done)
for m in R-FAQ R-admin R-data R-exts R-intro R-ints R-lang; do
  cp "$work/x/usr/share/doc/r-doc-pdf/manual/$m.pdf" "$target/manuals/"
done
cp "$work/x/usr/share/doc/auto-multiple-choice/auto-multiple-choice.en.pdf" \
   "$work/x/usr/share/doc/auto-multiple-choice/latex/automultiplechoice.pdf" \
   "$work/x/usr/share/doc/camlidl/camlidl-1.04.doc.pdf" "$target/manuals/"
zcat "$work/x/usr/share/doc/gri/gri.pdf.gz" > "$target/manuals/gri.pdf"
zcat "$work/x/usr/share/doc/docbook-xsl-doc-pdf/doc/reference.pdf.gz" > "$target/manuals/docbook-xsl-reference.pdf"

# DOCX written in Word and by converters: requirement specs, design documents, manuals, a thesis, a manuscript
for f in 01-Client-Requirements-Form 02-Implementation-Cost-Analysis 03-Technical-Architecture-Requirements \
         04-Data-Requirements-Migration 05-Training-Change-Management 06-Deployment-Go-Live-Strategy \
         07-Security-Compliance-Specifications 08-System-Features-Functionality; do
  take Community-Guardian/nnp-smart-roster-compose "docs/Word-Documents/$f.docx" docx "nnp-$f.docx"
done
for f in maintenance_policy system_overview technical_manual_full user_manual_full; do
  take Community-Guardian/nnp-smart-roster-compose "docs/general/word docs/$f.docx" docx "nnp-$f.docx"
done
take USEPA/nsink_manuscript manuscript/manuscript.docx docx nsink-manuscript.docx
take GastonLopez/2017-UNC-IngSoft-VLC docs/CMPlan.docx docx vlc-CMPlan.docx
take GastonLopez/2017-UNC-IngSoft-VLC docs/DocumentoDeArquitectura.docx docx vlc-Arquitectura.docx
take GastonLopez/2017-UNC-IngSoft-VLC docs/SRS.docx docx vlc-SRS.docx
take TakisPep/Observatory_softeng_ntua docs/SRS.docx docx observatory-SRS.docx
take Eliasthunderdog/ustcthesis_word thesis.docx docx ustc-thesis.docx
take SoftverInzenjeringETFSA/SI2016_TIM14 "docs/Dizajn v1.docx" docx tim14-Dizajn.docx
take SoftverInzenjeringETFSA/SI2016_TIM14 docs/SRSv2.docx docx tim14-SRSv2.docx

# real scans (OCR; OcrBenchmark reads them as they are): letters, forms, book and magazine pages, skewed and rotated
for f in c02-22 cardinal francais linn skew rotated_skew lichtenstein multipage jbig2 ccitt epson 3small poster; do
  take ocrmypdf/OCRmyPDF "tests/resources/$f.pdf" scans "ocrmypdf-$f.pdf"
done
# Chinese: a thesis template's example (its text layer misses characters of fonts without a Unicode map) and scans
take tuna/thuthesis main.pdf scans thu-main.pdf
for f in scan-statement scan-auth scan-record; do
  take tuna/thuthesis "figures/$f.pdf" scans "thu-$f.pdf"
done

# DOCX truth: the headings pandoc reads
for f in "$target"/docx/*.docx; do
  pandoc -t json "$f" -o "$f.pandoc.json"
done
echo "corpus in $target: $(find "$target" -name '*.pdf' | wc -l) PDFs, $(find "$target" -name '*.docx' | wc -l) DOCX"
