#!/usr/bin/env bash
# Puts Sportello's own text layout beside Pango's (pango-view, the reference:
# HarfBuzz shaping and the full Unicode bidi algorithm) for the mixed
# sentences of every language, and saves docs/typeset-vs-pango.png; then
# prints the language specimen and saves its pages as PNGs in docs/specimen/.
# Needs: go, pango1.0-tools, fonts-noto-core, fonts-noto-cjk, imagemagick,
# poppler-utils. Usage: scripts/compare-pango.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-bin/sportello}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go run ./scripts/corpus "$work"
rows=()
for txt in "$work"/*.txt; do
  base=${txt%.txt}
  family="Noto Sans"
  case "$(basename "$base")" in
    ar-*|fa-*|ps-*|ur-*|ckb-*) family="Noto Naskh Arabic";;
    si-*) family="Noto Sans Sinhala";;
    ta-*) family="Noto Sans Tamil";;
    zh-*) family="Noto Sans CJK SC";;
  esac
  # Pango takes the paragraph direction from the first strong letter unless
  # told; set it from the language, as Sportello does.
  rtl=""; [ "$(cat "$base.dir")" = rtl ] && rtl="--rtl"
  pango-view --no-display -q --font="$family 16.5" --dpi=96 --width=675 --margin=0 --wrap=word $rtl \
    --background=white -o "$base.pango.png" --text="$(cat "$txt")"
  convert "$base.png" -background white -flatten "$base.ours.png"
  label=$(basename "$base")
  convert -size 900x20 xc:white -font DejaVu-Sans -pointsize 13 -fill '#555' \
    -annotate +4+15 "$label   above: Pango (reference)   below: Sportello typeset" "$base.label.png"
  convert "$base.label.png" "$base.pango.png" "$base.ours.png" -background white -gravity west -append \
    -bordercolor '#ccc' -border 1 "$base.row.png"
  rows+=("$base.row.png")
done
mkdir -p docs
convert "${rows[@]}" -background white -append docs/typeset-vs-pango.png
echo "saved docs/typeset-vs-pango.png"
mkdir -p docs/specimen
"$bin" print languages --out "$work/specimen.pdf" >/dev/null
pdftoppm -r 72 -png "$work/specimen.pdf" docs/specimen/page
echo "saved docs/specimen/page-*.png"
