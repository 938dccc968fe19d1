// Hyperscan compilation, database cache and scratch pool (see hyperscan_db.h).
#include "detect/hyperscan_db.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

namespace veil::detect {
namespace {

// Version 2: the BLAKE2b checksum of version 1 is gone (Hyperscan's own CRC covers it).
constexpr char kCacheMagic[8] = {'V', 'E', 'I', 'L', 'H', 'S', '2', '\0'};

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

// A read-only mapping of a whole file; unmapped when it goes out of scope.
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// The file is mapped, not streamed into a string: start-up time is a product feature (the
// host starts on the first paste), and copying 9 MB twice was a third of it. No checksum of
// our own: hs_deserialize_database verifies the header, the platform and a CRC32C of the
// bytecode, and rejects a truncated or altered file with HS_INVALID.
bool read_cached(const std::filesystem::path& file, HsDatabase& out) {
  const MappedFile mapped(file);
  if (mapped.size() < sizeof kCacheMagic || std::memcmp(mapped.data(), kCacheMagic, sizeof kCacheMagic) != 0) {
    return false;
  }
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(mapped.data() + sizeof kCacheMagic, mapped.size() - sizeof kCacheMagic, &db) !=
      HS_SUCCESS) {
    return false;
  }
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
  // Unique temp name per process, then rename: concurrent hosts never see a half file.
  const auto tmp = file.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(kCacheMagic, sizeof kCacheMagic);
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
