# Extension suites (Node's built-in runner and ESLint), included from tests/CMakeLists.txt,
# where CMAKE_CURRENT_SOURCE_DIR is tests/. `node --test DIR` (Node 20 and later) runs the
# *.test.js files under DIR. VEIL_BINARY lets host_integration.test.js drive the real host.
add_test(NAME extension/unit COMMAND node --test ${CMAKE_CURRENT_SOURCE_DIR}/extension/ WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(extension/unit PROPERTIES ENVIRONMENT "VEIL_BINARY=$<TARGET_FILE:veil>")
add_test(NAME extension/lint COMMAND npx --no-install eslint extension tests/extension WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
