# CPack pre-build script: gzip -9n the man pages staged for the package, as
# Debian policy asks (no name or time stamp in the .gz, so it is reproducible).
file(GLOB_RECURSE GUP_STAGED_MAN_PAGES
  "${CPACK_TEMPORARY_DIRECTORY}/*/share/man/man*/*.[1-9]")
if(NOT GUP_STAGED_MAN_PAGES)
  message(FATAL_ERROR "no man page staged under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(page IN LISTS GUP_STAGED_MAN_PAGES)
  execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip ${page} failed")
  endif()
endforeach()
