# One INTERFACE target that carries warnings and sanitizer flags to every kraft target.
add_library(kraft_options INTERFACE)
target_compile_options(kraft_options INTERFACE -Wall -Wextra -Wpedantic -Werror)

option(KRAFT_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(KRAFT_SANITIZE)
  target_compile_options(kraft_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kraft_options INTERFACE -fsanitize=address,undefined)
endif()
