# Runs clang-format in dry-run mode over every C++ source; fails on any difference.
file(GLOB_RECURSE _sources
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${_sources}
    RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "clang-format differences (run 'make format'):\n${_err}")
endif()
list(LENGTH _sources _n)
message(STATUS "format-check: ${_n} files clean")
