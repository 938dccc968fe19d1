// Catch2 (v2) entry point for veil_tests; every other file here holds test cases.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
