# End-to-end suite: real headless Chromium (Debian's /usr/bin/chromium), the real unpacked
# extension and the built `veil` host against fake chat sites. One ctest entry per
# tests/e2e/*.test.js file (node's test runner); scenarios kept in tests/e2e/pending/ (when there are any) are not registered.
# Each file launches its own browser, so they run serially on the 2-core machines.
file(GLOB VEIL_E2E_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/e2e/*.test.js)
foreach(e2e_test ${VEIL_E2E_TESTS})
  get_filename_component(e2e_name ${e2e_test} NAME_WE)
  add_test(NAME e2e/${e2e_name}
           COMMAND node --test --test-concurrency=1 ${e2e_test}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(e2e/${e2e_name} PROPERTIES
    RUN_SERIAL TRUE
    TIMEOUT 600
    LABELS e2e
    ENVIRONMENT "VEIL_BINARY=$<TARGET_FILE:veil>;VEIL_E2E_ARTIFACTS=${CMAKE_SOURCE_DIR}/artifacts/e2e;PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1")
endforeach()

add_test(NAME e2e/lint COMMAND npx --no-install eslint tests/e2e WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
