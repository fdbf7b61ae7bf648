#!/usr/bin/env bash
# Installs the system packages the end-to-end and office tests need, where they are missing:
# Debian's Chromium (driven by playwright-core), LibreOffice (opens our .docx/.xlsx), poppler
# (pdftotext/pdftoppm) and CJK fonts (the official font names are mapped onto them by assets/fonts.conf).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s fonts-arphic-ukai >/dev/null 2>&1 || need+=(fonts-arphic-ukai)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Installing system packages for the tests: ${need[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
