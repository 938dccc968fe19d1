// Hyperscan compilation, database cache and scratch pool (see hyperscan_db.h).
#include "detect/hyperscan_db.h"

#include <sodium.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>

namespace veil::detect {
namespace {

constexpr char kCacheMagic[8] = {'V', 'E', 'I', 'L', 'H', 'S', '1', '\0'};
constexpr std::size_t kChecksumBytes = crypto_generichash_BYTES;

Result<HsDatabase> finish_compile(hs_error_t rc, hs_database_t* db, hs_compile_error_t* raw_error) {
  HsCompileError error(raw_error);
  HsDatabase database(db);
  if (rc != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown Hyperscan error";
    const int expression = error ? error->expression : -1;
    return make_error(ErrorCode::kRuleCompileFailed,
                      "pattern #" + std::to_string(expression) + ": " + message);
  }
  return database;
}

}  // namespace

Result<HsDatabase> compile_regex_database(const std::vector<HsPattern>& patterns) {
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags, ids;
  for (const auto& p : patterns) {
    expressions.push_back(p.expression.c_str());
    flags.push_back(p.flags);
    ids.push_back(p.id);
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  hs_error_t rc = hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                                   static_cast<unsigned int>(patterns.size()), HS_MODE_BLOCK, nullptr, &db, &error);
  return finish_compile(rc, db, error);
}

Result<HsDatabase> compile_literal_database(const std::vector<HsPattern>& literals) {
  std::vector<const char*> expressions;
  std::vector<std::size_t> lengths;
  std::vector<unsigned int> flags, ids;
  for (const auto& p : literals) {
    expressions.push_back(p.expression.data());
    lengths.push_back(p.expression.size());
    flags.push_back(p.flags);
    ids.push_back(p.id);
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  hs_error_t rc = hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                                       static_cast<unsigned int>(literals.size()), HS_MODE_BLOCK, nullptr, &db,
                                       &error);
  return finish_compile(rc, db, error);
}

namespace {

bool read_cached(const std::filesystem::path& file, HsDatabase& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string data = ss.str();
  if (data.size() < sizeof kCacheMagic + kChecksumBytes || std::memcmp(data.data(), kCacheMagic, sizeof kCacheMagic) != 0) {
    return false;
  }
  const auto* checksum = reinterpret_cast<const unsigned char*>(data.data() + sizeof kCacheMagic);
  const char* payload = data.data() + sizeof kCacheMagic + kChecksumBytes;
  const std::size_t payload_size = data.size() - sizeof kCacheMagic - kChecksumBytes;
  unsigned char actual[kChecksumBytes];
  crypto_generichash(actual, sizeof actual, reinterpret_cast<const unsigned char*>(payload), payload_size, nullptr, 0);
  if (sodium_memcmp(actual, checksum, kChecksumBytes) != 0) return false;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(payload, payload_size, &db) != HS_SUCCESS) return false;
  out.reset(db);
  return true;
}

void write_cached(const std::filesystem::path& dir, const std::filesystem::path& file, const hs_database_t* db) {
  char* bytes = nullptr;
  std::size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
  std::unique_ptr<char, decltype(&std::free)> owned(bytes, &std::free);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  unsigned char checksum[kChecksumBytes];
  crypto_generichash(checksum, sizeof checksum, reinterpret_cast<const unsigned char*>(bytes), length, nullptr, 0);
  // Unique temp name per process, then rename: concurrent hosts never see a half file.
  const auto tmp = file.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(kCacheMagic, sizeof kCacheMagic);
    out.write(reinterpret_cast<const char*>(checksum), sizeof checksum);
    out.write(bytes, static_cast<std::streamsize>(length));
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, file, ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

}  // namespace

Result<HsDatabase> load_or_compile(const std::filesystem::path& cache_dir, const std::string& key,
                                   const std::function<Result<HsDatabase>()>& compile, bool& loaded_from_cache) {
  loaded_from_cache = false;
  if (cache_dir.empty()) return compile();
  // The key includes the Hyperscan version: a database from another version is not loadable.
  std::string version = hs_version();
  for (char& c : version) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') c = '_';
  }
  const auto file = cache_dir / (key + "-hs" + version + ".hsdb");
  HsDatabase cached;
  if (read_cached(file, cached)) {
    loaded_from_cache = true;
    return cached;
  }
  auto compiled = compile();
  if (compiled) write_cached(cache_dir, file, compiled->get());
  return compiled;
}

Result<std::unique_ptr<ScratchPool>> ScratchPool::create(const std::vector<const hs_database_t*>& databases) {
  auto pool = std::make_unique<ScratchPool>();
  hs_scratch_t* scratch = nullptr;
  for (const hs_database_t* db : databases) {
    if (db == nullptr) continue;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
      if (scratch) hs_free_scratch(scratch);
      return make_error(ErrorCode::kInternal, "cannot allocate Hyperscan scratch space");
    }
  }
  pool->prototype_.reset(scratch);
  return pool;
}

Result<std::unique_ptr<ScratchPool::Lease>> ScratchPool::acquire() {
  HsScratch scratch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      scratch = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (!scratch && prototype_) {
    hs_scratch_t* clone = nullptr;
    if (hs_clone_scratch(prototype_.get(), &clone) != HS_SUCCESS) {
      return make_error(ErrorCode::kInternal, "cannot clone Hyperscan scratch space");
    }
    scratch.reset(clone);
  }
  return std::make_unique<Lease>(*this, std::move(scratch));
}

void ScratchPool::release(HsScratch scratch) {
  if (!scratch) return;
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(std::move(scratch));
}

}  // namespace veil::detect
