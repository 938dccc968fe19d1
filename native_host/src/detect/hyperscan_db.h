// RAII for Hyperscan handles, compilation of regex and literal databases, the on-disk
// cache of serialized databases, and a pool of scratch spaces (one per concurrent scan).
#pragma once

#include <hs/hs.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/error.h"

namespace veil::detect {

struct HsDatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct HsScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
struct HsCompileErrorDeleter {
  void operator()(hs_compile_error_t* e) const { hs_free_compile_error(e); }
};
using HsDatabase = std::unique_ptr<hs_database_t, HsDatabaseDeleter>;
using HsScratch = std::unique_ptr<hs_scratch_t, HsScratchDeleter>;
using HsCompileError = std::unique_ptr<hs_compile_error_t, HsCompileErrorDeleter>;

struct HsPattern {
  std::string expression;
  unsigned int flags = 0;
  unsigned int id = 0;
};

// Block-mode regex database. On failure the error names the pattern id (caller maps it to a rule).
Result<HsDatabase> compile_regex_database(const std::vector<HsPattern>& patterns);
// Block-mode literal database (hs_compile_lit_multi): exact byte strings, much faster and
// smaller than the same words as regexes.
Result<HsDatabase> compile_literal_database(const std::vector<HsPattern>& literals);

// Loads `cache_dir/<key>.hsdb` when present and intact (own checksum + Hyperscan's checks),
// else compiles and writes it atomically. A corrupt or stale file is recompiled, never trusted.
// An empty cache_dir disables caching.
Result<HsDatabase> load_or_compile(const std::filesystem::path& cache_dir, const std::string& key,
                                   const std::function<Result<HsDatabase>()>& compile, bool& loaded_from_cache);

// Hands out scratch spaces so concurrent scans never share one.
class ScratchPool {
 public:
  // Allocates the prototype scratch valid for all given databases (nulls are skipped).
  static Result<std::unique_ptr<ScratchPool>> create(const std::vector<const hs_database_t*>& databases);

  class Lease {
   public:
    Lease(ScratchPool& pool, HsScratch scratch) : pool_(pool), scratch_(std::move(scratch)) {}
    ~Lease() { pool_.release(std::move(scratch_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    hs_scratch_t* get() const { return scratch_.get(); }

   private:
    ScratchPool& pool_;
    HsScratch scratch_;
  };

  Result<std::unique_ptr<Lease>> acquire();

 private:
  void release(HsScratch scratch);
  HsScratch prototype_;
  std::mutex mutex_;
  std::vector<HsScratch> free_;
};

}  // namespace veil::detect
