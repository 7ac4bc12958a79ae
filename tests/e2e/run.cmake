# Builds PY with `KRAIT build -Werror --check-c` (libclang checks the C first) into WORK, runs it
# from PY's directory and compares its stdout, exit status and last stderr line
# (tests/e2e/README.md) with the file EXPECT.
get_filename_component(name ${PY} NAME_WE)
get_filename_component(dir ${PY} DIRECTORY)
file(MAKE_DIRECTORY ${WORK})
set(ENV{NO_COLOR} 1)
execute_process(COMMAND ${KRAIT} build -Werror --check-c ${PY} -o ${WORK}/${name}
  RESULT_VARIABLE status ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "krait build failed (${status}):\n${out}${err}")
endif()
# A program that makes reference cycles (a recursive nested function: function -> closure ->
# cell -> function) leaks them in the sanitizer builds, whose runtime has no tracing collector
# (DESIGN §3; docs/differences.md); it says so with a '# krait-test: cycles' line, and
# LeakSanitizer is off for it alone.
file(STRINGS ${PY} cycle_marker REGEX "^# krait-test: cycles")
if(cycle_marker)
  set(ENV{ASAN_OPTIONS} "detect_leaks=0")
endif()
execute_process(COMMAND ${WORK}/${name} WORKING_DIRECTORY ${dir}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(actual "${out}[exit ${status}]\n")
string(REGEX REPLACE "[ \t\r\n]+$" "" err_trimmed "${err}")
if(NOT err_trimmed STREQUAL "")
  string(REGEX MATCH "[^\n]*$" last "${err_trimmed}")
  string(APPEND actual "[stderr] ${last}\n")
endif()
file(READ ${EXPECT} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${WORK}/${name}.actual "${actual}")
  message(FATAL_ERROR "output differs from ${EXPECT}; got (also in ${WORK}/${name}.actual):\n${actual}\nstderr:\n${err}")
endif()
