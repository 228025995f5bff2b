# One INTERFACE target that carries warnings and sanitizer flags to every kraft target.
add_library(kraft_options INTERFACE)
target_compile_options(kraft_options INTERFACE -Wall -Wextra -Wpedantic)

# Warnings are errors in development and CI (scripts/build turns this on), not in every build: a
# packager's or user's compiler may warn where ours does not.
option(KRAFT_WERROR "Treat compiler warnings as errors" OFF)
if(KRAFT_WERROR)
  target_compile_options(kraft_options INTERFACE -Werror)
endif()
# GCC 12's -Wrestrict reports impossible overlaps in std::string code it inlined from libstdc++
# (GCC bug 105329, fixed in 13); with -Werror they would fail a correct build.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(kraft_options INTERFACE -Wno-restrict)
endif()

option(KRAFT_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(KRAFT_SANITIZE)
  target_compile_options(kraft_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kraft_options INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer targets (fuzz/): clang only. Everything is built with coverage instrumentation and
# ASan+UBSan so that a fuzzer finds memory errors and undefined behaviour, not just crashes.
option(KRAFT_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang, e.g. CXX=clang++-16)" OFF)
if(KRAFT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KRAFT_FUZZ needs clang (libFuzzer): configure with CXX=clang++-16")
  endif()
  target_compile_options(kraft_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kraft_options INTERFACE -fsanitize=address,undefined)
  # libstdc++ 12 offers std::expected only when __cpp_concepts >= 202002L. Clang 16 implements what
  # <expected> needs (P0848, conditionally trivial special members) but still reports 201907L, so
  # the fuzz build (and only it) says so itself.
  if(CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 16 AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
    target_compile_options(kraft_options INTERFACE
      -Wno-builtin-macro-redefined -U__cpp_concepts -D__cpp_concepts=202002L)
  endif()
endif()
