# cmake -DKRAFT=path/to/kraft -DOUT=dir -P GenerateCompletions.cmake
# Writes the bash, zsh and fish completion scripts that `kraft completion SHELL` prints.
file(MAKE_DIRECTORY ${OUT})
foreach(pair "bash;kraft" "zsh;_kraft" "fish;kraft.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(COMMAND ${KRAFT} completion ${shell} OUTPUT_FILE ${OUT}/${name}
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "kraft completion ${shell} failed: ${status}")
  endif()
endforeach()
