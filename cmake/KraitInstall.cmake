# The find_package(Krait) package (docs/integration.md). `cmake --install` lays out
#   bin/krait  lib/libkrait_rt.a  include/krait/*.h  lib/cmake/Krait/
# The directories are fixed, not GNUInstallDirs: the driver finds the runtime at ../lib and
# ../include/krait next to its own executable, so the layout must not vary (lib64, multiarch).
include(CMakePackageConfigHelpers)

set(KRAIT_INSTALL_BINDIR bin)
set(KRAIT_INSTALL_LIBDIR lib)
set(KRAIT_INSTALL_INCLUDEDIR include/krait)
set(KRAIT_INSTALL_CMAKEDIR lib/cmake/Krait)

# Where this build found Boehm GC and GMP: hints for the installed config's own search.
get_filename_component(KRAIT_GC_LIBRARY_DIR ${GC_LIBRARY} DIRECTORY)
get_filename_component(KRAIT_GMP_LIBRARY_DIR ${GMP_LIBRARY} DIRECTORY)
# A sanitized runtime links only into programs compiled with the same sanitizers.
if(KRAIT_SANITIZE)
  set(KRAIT_RUNTIME_USAGE_FLAGS "-fsanitize=address,undefined")
else()
  set(KRAIT_RUNTIME_USAGE_FLAGS "")
endif()

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/KraitConfig.cmake.in
  ${CMAKE_BINARY_DIR}/cmake/KraitConfig.cmake
  INSTALL_DESTINATION ${KRAIT_INSTALL_CMAKEDIR}
  PATH_VARS KRAIT_INSTALL_BINDIR KRAIT_INSTALL_LIBDIR KRAIT_INSTALL_INCLUDEDIR)
# 0.x: a minor version may break the package's interface.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/KraitConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/KraitConfig.cmake
              ${CMAKE_BINARY_DIR}/cmake/KraitConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/KraitAddExecutable.cmake
        DESTINATION ${KRAIT_INSTALL_CMAKEDIR})
