#!/usr/bin/env bash
# The C++ sources follow .clang-format. Skipped (exit 77) where clang-format is not installed.
# To fix the layout: clang-format -i $(git ls-files '*.cpp' '*.h')
set -u
cd "$(dirname "$0")/../.."
command -v clang-format >/dev/null || { echo "clang-format not installed: skipped"; exit 77; }
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find compiler runtime cli tests -name '*.cpp' -o -name '*.h')
clang-format --dry-run --Werror $files
