# Rebuilds the corpus into OUT and fails when it differs from the committed corpus.jsonl.
execute_process(COMMAND ${PYTHON} ${DIR}/build.py --out ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build.py failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${DIR}/corpus.jsonl RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "tests/corpus/corpus.jsonl is stale: run python3 tests/corpus/build.py")
endif()
