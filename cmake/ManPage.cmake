# Build-time step (cmake -P): OUTPUT is what `TOOL --help-man` prints,
# written through a temporary file so a failed run leaves no half page.
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${TOOL}" --help-man
  OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "${TOOL} --help-man failed (${status})")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
