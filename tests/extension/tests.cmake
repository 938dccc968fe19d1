# Extension suites (Node's built-in runner and ESLint), included from tests/CMakeLists.txt,
# where CMAKE_CURRENT_SOURCE_DIR is tests/. `node --test DIR` (Node 20 and later) runs the
# *.test.js files under DIR.
add_test(NAME extension/unit COMMAND node --test ${CMAKE_CURRENT_SOURCE_DIR}/extension/ WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME extension/lint COMMAND npx --no-install eslint extension tests/extension WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
