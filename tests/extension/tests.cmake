# Extension suites (Node's built-in runner and ESLint), included from tests/CMakeLists.txt
# where CMAKE_CURRENT_SOURCE_DIR is tests/. Node 20's `node --test DIR` does not recurse into
# a directory argument, so the runner gets the test files themselves.
file(GLOB VEIL_EXTENSION_TEST_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/extension/*.test.js)
add_test(NAME extension/unit COMMAND node --test ${VEIL_EXTENSION_TEST_FILES} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME extension/lint COMMAND npx --no-install eslint extension tests/extension WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
