#!/usr/bin/env bash
# How the office fixtures in ../blind/ were made, once, with LibreOffice (headless). The outputs are committed;
# this is a record, not a build step: a different LibreOffice version writes different bytes.
set -euo pipefail
cd "$(dirname "$0")"
P=-env:UserInstallation=file:///tmp/blind-lo-profile
O=../blind
soffice $P --headless --infilter="HTML (StarCalc)"   --convert-to xlsx                    --outdir $O 14_merged_cells.html
soffice $P --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir $O 15_label_then_indicators.html
soffice $P --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export   --outdir $O 16_forms.html
soffice $P --headless --infilter="CSV:44,34,76,1"    --convert-to 'xls:MS Excel 97'       --outdir $O 17_flat_export.csv
soffice $P --headless --infilter="HTML (StarWriter)" --convert-to 'doc:MS Word 97'        --outdir $O 18_one_table_merged_labels.html
