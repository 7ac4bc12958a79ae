# krait_add_executable(<target> <script.py> [OPT <-O0|-O1|-O2|-O3|-Os>])
#
# An executable target built from a Python script: at build time `krait emit-c` writes the C
# (one file per module, in <binary dir>/<target>.krait/), which the project's C compiler compiles
# and links with Krait::runtime. The C is regenerated when the script or krait changes. <target>
# is an ordinary executable: target_link_options, install(TARGETS) and the like apply to it.
# OPT is the C optimisation level; without it the build type's flags apply, or -O2 (as
# `krait build`) when there is no build type. Needs Krait::krait and Krait::runtime
# (find_package(Krait)) and the C language enabled.
include_guard(GLOBAL)

# The module name krait gives 'script' (driver.c: module_name): the base name without .py,
# other characters than letters and digits as '_', "m_" before a leading digit.
function(_krait_module_name script out)
  get_filename_component(name "${script}" NAME)
  string(REGEX REPLACE "\\.py$" "" name "${name}")
  string(REGEX REPLACE "[^A-Za-z0-9]" "_" name "${name}")
  if(name STREQUAL "" OR name MATCHES "^[0-9]")
    set(name "m_${name}")
  endif()
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

function(krait_add_executable target script)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "OPT" "")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "krait_add_executable: unexpected arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET Krait::krait OR NOT TARGET Krait::runtime)
    message(FATAL_ERROR "krait_add_executable: call find_package(Krait) first")
  endif()
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(NOT "C" IN_LIST languages)
    message(FATAL_ERROR "krait_add_executable: the project must enable C (project(NAME C))")
  endif()

  get_filename_component(script "${script}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(script_name "${script}" NAME)
  _krait_module_name("${script}" module)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/${target}.krait")
  # The program's modules (the script and the modules beside it that it imports), one C file
  # each: listed now by `krait emit-c --list`, and listed again whenever one of them changes
  # (CMAKE_CONFIGURE_DEPENDS), since an edit may add or drop an import.
  get_target_property(krait_exe Krait::krait IMPORTED_LOCATION)
  set(list_status 1)
  set(list_errors "Krait::krait has no IMPORTED_LOCATION")
  if(krait_exe)
    execute_process(COMMAND "${krait_exe}" emit-c "${script}" --list
      OUTPUT_VARIABLE listing ERROR_VARIABLE list_errors RESULT_VARIABLE list_status)
  endif()
  set(cfiles "")
  set(sources "${script}")
  if(list_status EQUAL 0)
    string(REPLACE "\n" ";" lines "${listing}")
    foreach(line IN LISTS lines)
      if(line MATCHES "^([^\t]+)\t(.+)$")
        list(APPEND cfiles "${dir}/${CMAKE_MATCH_1}")
        get_filename_component(src "${CMAKE_MATCH_2}" ABSOLUTE)
        list(APPEND sources "${src}")
      endif()
    endforeach()
  else()
    # A program krait rejects (or no krait to ask): the script's file alone, so that the build
    # runs krait and reports the errors.
    message(WARNING "krait_add_executable(${target}): krait emit-c --list failed:\n${list_errors}")
    set(cfiles "${dir}/${module}.c")
  endif()
  list(REMOVE_DUPLICATES sources)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${sources})
  add_custom_command(OUTPUT ${cfiles}
    COMMAND Krait::krait emit-c "${script}" -o "${dir}"
    DEPENDS ${sources} "$<TARGET_FILE:Krait::krait>"
    COMMENT "Compiling ${script_name} to C with krait"
    VERBATIM)

  add_executable(${target} ${cfiles})
  target_link_libraries(${target} PRIVATE Krait::runtime)
  set_target_properties(${target} PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON
                                             C_EXTENSIONS OFF)
  if(ARG_OPT)
    target_compile_options(${target} PRIVATE ${ARG_OPT})
  elseif(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    target_compile_options(${target} PRIVATE -O2)
  endif()
  # The runtime is built one section per function: drop what the program does not use.
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(${target} PRIVATE LINKER:--gc-sections)
  endif()
endfunction()
