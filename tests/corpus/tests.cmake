# The labelled corpus: its checker, and a check that build.py still reproduces the committed
# corpus.jsonl byte for byte (so edits go to src/ or templates.py, never to the JSONL).
find_program(VEIL_PYTHON3 NAMES python3)
if(VEIL_PYTHON3)
  add_test(NAME corpus/check COMMAND ${VEIL_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/check.py)
  add_test(NAME corpus/reproducible
           COMMAND ${CMAKE_COMMAND} -DPYTHON=${VEIL_PYTHON3} -DDIR=${CMAKE_CURRENT_LIST_DIR}
                   -DOUT=${CMAKE_BINARY_DIR}/corpus-rebuilt.jsonl -P ${CMAKE_CURRENT_LIST_DIR}/reproducible.cmake)
endif()
