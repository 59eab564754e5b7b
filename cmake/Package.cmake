# `make deb` (cpack -G DEB in the build directory): a Debian package of what
# `cmake --install` installs, under /usr, that runs on Debian's LLVM 19.
#
# The dependencies are written out, not computed by dpkg-shlibdeps: the
# binary needs the two LLVM 19 libraries it links and the clang headers of
# the resource directory (libclang-common-19-dev ships them); libc and
# libstdc++ come with any Debian system. The plugin is useful only inside
# clang-tidy-19, so that is a recommendation, which apt installs by default.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME gup-rewrite)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "remove the vmas parameter of the Linux GUP API (v6.5) from kernel code")
set(CPACK_PACKAGE_DESCRIPTION
  "gup-rewrite is a Clang tool driven by compile_commands.json that migrates
Linux kernel trees and out-of-tree modules across the v6.5 change that
removed the vmas parameter from get_user_pages() and its family. It prints
a diff, writes the files, or writes a bisectable patch series, and reports
every site it cannot migrate. A clang-tidy-19 plugin runs the same rules.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Every install() rule is in the default component; naming it makes the
# staging install write install_manifest_Unspecified.txt, so packaging
# leaves build/install_manifest.txt to the user's own `make install`.
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};Unspecified;/")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}")

set(GUP_LLVM_DEB_VERSION "1:${LLVM_VERSION_MAJOR}.${LLVM_VERSION_MINOR}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # gup-rewrite_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(GUP_PACKAGE_MAINTAINER "gup-rewrite developers <gup-rewrite@localhost.invalid>"
  CACHE STRING "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${GUP_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libllvm${LLVM_VERSION_MAJOR} (>= ${GUP_LLVM_DEB_VERSION}), "
  "libclang-cpp${LLVM_VERSION_MAJOR} (>= ${GUP_LLVM_DEB_VERSION}), "
  "libclang-common-${LLVM_VERSION_MAJOR}-dev")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DEPENDS "${CPACK_DEBIAN_PACKAGE_DEPENDS}")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
# Debian compresses man pages (gzip -9n); `cmake --install` leaves them plain.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/DebCompressMan.cmake)

include(CPack)
