# Every dependency comes from Debian's packages (see scripts/setup); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(SQLite3 REQUIRED)
# libpq (libpq-dev): the PostgreSQL engine of a shared archive (store/pg_database.hpp).
find_package(PostgreSQL REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# hunspell: the Swedish lexicon for OCR repair (hunspell-sv's sv_SE.aff/.dic).
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
# Snowball's Swedish stemmer for the full-text tokenizer; libstemmer-dev ships no .pc file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(kraft_stemmer INTERFACE)
target_include_directories(kraft_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(kraft_stemmer INTERFACE ${STEMMER_LIBRARY})

# zstd: the archive keeps the original text of repaired protocols and their repair edits
# compressed (a third of their size, at hundreds of MB/s; zlib at its default level runs ~10x
# slower for a worse ratio).
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)

set(KRAFT_HUNSPELL_DIR "/usr/share/hunspell" CACHE PATH "Where sv_SE.aff and sv_SE.dic live")

# PDF input: poppler's C++ API gives a born-digital PDF's text in reading order (the layout
# pdftotext -layout prints, which keeps a two-column cover and right-aligned case numbers on their
# line) and renders a scanned page for OCR.
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# Scanned PDFs and page images: tesseract's C++ API (per-word confidence, which the command-line
# tool does not give in its text output) with its Swedish model; leptonica reads PNG/TIFF/JPEG.
pkg_check_modules(TESSERACT REQUIRED IMPORTED_TARGET tesseract)
pkg_check_modules(LEPTONICA REQUIRED IMPORTED_TARGET lept)
set(KRAFT_TESSDATA_DIR "" CACHE PATH
    "tesseract's model folder when it is not tesseract's own default (TESSDATA_PREFIX overrides)")
