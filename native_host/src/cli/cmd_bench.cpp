// `veil bench`: throughput, latency, host cold start and peak memory on a synthetic corpus,
// and `veil bench gen`, which writes that corpus for other tools (bench/peers.js).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "bench/anonymizer.h"
#include "bench/corpus.h"
#include "bench/measure.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "common/paths.h"
#include "detect/engine.h"
#include "rules/loader.h"

namespace veil::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kBenchHelp =
    "Usage: veil bench [options]\n"
    "       veil bench gen [--size MB] [--density dense|sparse] [--seed N] [--message-bytes N] [--out FILE]\n\n"
    "Measures Veil on a deterministic synthetic corpus of Dutch/French/German/English customer\n"
    "messages with planted personal data (valid checksums), and prints a table (or JSON).\n"
    "Measured: single-core throughput of scan and anonymize (vault included) in MB/s; per-message\n"
    "latency p50/p99 for 1 KB, 16 KB and 256 KB messages in-process and through a real `veil host`\n"
    "child over framed pipes; host cold start (spawn to first reply) with and without the\n"
    "compiled-database cache; peak resident memory of the host and of this process.\n\n"
    "Options:\n"
    "  --size MB            corpus size for throughput, in MB (10^6 bytes; fractions allowed). Default 100.\n"
    "  --density D          dense (1 value per ~100 bytes), sparse (1 per ~2 KB) or both. Default both.\n"
    "  --runs N             repetitions of each throughput measurement; the median is reported. Default 3.\n"
    "  --samples N          messages per latency size (256 KB uses N/4, at least 10). Default 200.\n"
    "  --cold-runs N        host cold starts per cache state; median reported. Default 5.\n"
    "  --skip LIST          comma list of parts to leave out: scan,anonymize,latency,host,coldstart.\n"
    "  --seed N             corpus seed (the corpus is a pure function of seed, size and density). Default 1447381324.\n"
    "  --rules-dir DIR      rules folder (default: as `veil scan`).\n"
    "  --host-exe PATH      the `veil` binary to start as host (default: this executable).\n"
    "  --json               print one JSON object instead of the table.\n"
    "  --help               this text.\n\n"
    "gen writes the corpus itself (UTF-8, messages separated by blank lines) to FILE or stdout;\n"
    "--size, --density and --seed as above (gen's default size is 1 MB), --message-bytes N makes every\n"
    "message about N bytes. Every run uses private temporary data and cache folders; nothing in\n"
    "your own Veil data is read or written.\n";

constexpr const char* kExtensionId = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag) {
    std::string tmpl = (fs::temp_directory_path() / ("veil-bench-" + tag + "-XXXXXX")).string();
    if (char* p = mkdtemp(tmpl.data())) path = p;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

struct Config {
  double size_mb = 100;
  std::vector<std::string> densities{"dense", "sparse"};
  int runs = 3;
  int samples = 200;
  int cold_runs = 5;
  std::set<std::string> skip;
  std::uint64_t seed = bench::CorpusOptions{}.seed;
  fs::path rules_dir;
  fs::path host_exe;
  bool json_out = false;
};

std::set<std::string> split_list(const std::string& s) {
  std::set<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty()) out.insert(item);
  }
  return out;
}

// Blocks of up to 1 MB cut at message starts: bulk use scans many messages per call.
std::vector<std::string_view> blocks_of(const bench::Corpus& c) {
  std::vector<std::string_view> out;
  const std::string_view text = c.text;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= c.message_starts.size(); ++i) {
    const std::size_t next = i < c.message_starts.size() ? c.message_starts[i] : text.size();
    if (next - begin >= (1u << 20) || i == c.message_starts.size()) {
      out.push_back(text.substr(begin, next - begin));
      begin = next;
    }
  }
  return out;
}

std::vector<std::string_view> messages_of(const bench::Corpus& c) {
  std::vector<std::string_view> out;
  const std::string_view text = c.text;
  for (std::size_t i = 0; i < c.message_starts.size(); ++i) {
    const std::size_t end = i + 1 < c.message_starts.size() ? c.message_starts[i + 1] : text.size();
    out.push_back(text.substr(c.message_starts[i], end - c.message_starts[i]));
  }
  return out;
}

json pct_json(const bench::Percentiles& p) {
  return {{"n", p.n}, {"p50_ms", p.p50}, {"p99_ms", p.p99}, {"max_ms", p.max}};
}

std::string request_json(const std::string& op, int id, const std::string& text) {
  json j = {{"v", 1}, {"id", id}, {"op", op}};
  if (op != "hello") j["text"] = text;
  if (op == "anonymize") j["scope"] = "bench/" + std::to_string(id / 20);
  return j.dump();
}

bool reply_ok(const std::string& reply, std::string* why) {
  try {
    const auto j = json::parse(reply);
    if (j.value("ok", false)) return true;
    if (why && j.contains("error")) *why = j["error"].value("name", "error") + ": " + j["error"].value("message", "");
  } catch (const std::exception&) {
    if (why) *why = "unparseable reply";
  }
  return false;
}

std::map<std::string, std::string> host_env(const fs::path& home, const fs::path& cache, const fs::path& rules) {
  return {{"VEIL_HOME", home.string()},
          {"VEIL_CACHE_DIR", cache.string()},
          {"VEIL_RULES_DIR", rules.string()},
          {"VEIL_ALLOWED_EXTENSION_IDS", kExtensionId},
          {"DBUS_SESSION_BUS_ADDRESS", "disabled:"}};
}

std::vector<std::string> host_argv(const Config& cfg) {
  return {cfg.host_exe.string(), std::string("chrome-extension://") + kExtensionId + "/"};
}

// Spawn to first `hello` reply; returns ms and the child's peak RSS.
Result<std::pair<double, std::size_t>> cold_start(const Config& cfg, const fs::path& home, const fs::path& cache) {
  const auto t0 = Clock::now();
  auto host = bench::HostProcess::spawn(host_argv(cfg), host_env(home, cache, cfg.rules_dir));
  if (!host) return host.error();
  auto reply = host->request(request_json("hello", 1, ""));
  const double ms = bench::ms_since(t0);
  if (!reply) return reply.error();
  std::string why;
  if (!reply_ok(*reply, &why)) return make_error(ErrorCode::kInternal, "hello failed: " + why);
  auto rss = host->finish();
  if (!rss) return rss.error();
  return std::make_pair(ms, *rss);
}

std::string fmt(double v, int prec = 1) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(prec) << v;
  return o.str();
}

int run_gen(const Args& args) {
  bench::CorpusOptions o;
  try {
    o.bytes = static_cast<std::size_t>(std::stod(args.get_or("--size", "1")) * 1e6);
    o.seed = std::stoull(args.get_or("--seed", std::to_string(o.seed)));
    o.message_bytes = std::stoull(args.get_or("--message-bytes", "0"));
  } catch (const std::exception&) {
    return fail(make_error(ErrorCode::kInvalidArgument, "--size, --seed and --message-bytes need numbers"), 2);
  }
  o.bytes_per_hit = bench::density_bytes_per_hit(args.get_or("--density", "dense"));
  if (!o.bytes_per_hit) return fail(make_error(ErrorCode::kInvalidArgument, "--density must be dense or sparse"), 2);
  const auto corpus = bench::generate_corpus(o);
  const auto out_path = args.get("--out");
  if (out_path) {
    std::ofstream out(*out_path, std::ios::binary);
    out << corpus.text;
    if (!out) return fail(make_error(ErrorCode::kIo, "cannot write the output file"));
  } else {
    std::cout << corpus.text;
  }
  std::cerr << corpus.text.size() << " bytes, " << corpus.message_starts.size() << " messages, "
            << corpus.planted.size() << " planted values\n";
  return 0;
}

}  // namespace

int cmd_bench(const Argv& argv) {
  auto args = parse_args(argv,
                         {"--size", "--density", "--runs", "--samples", "--cold-runs", "--skip", "--seed",
                          "--rules-dir", "--host-exe", "--message-bytes", "--out"},
                         {"--json", "--help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("--help")) {
    std::cout << kBenchHelp;
    return 0;
  }
  if (!args->positional.empty() && args->positional[0] == "gen") return run_gen(*args);
  if (!args->positional.empty()) return fail(make_error(ErrorCode::kInvalidArgument, "unknown bench mode"), 2);

  Config cfg;
  try {
    cfg.size_mb = std::stod(args->get_or("--size", "100"));
    cfg.runs = std::max(1, std::stoi(args->get_or("--runs", "3")));
    cfg.samples = std::max(1, std::stoi(args->get_or("--samples", "200")));
    cfg.cold_runs = std::max(1, std::stoi(args->get_or("--cold-runs", "5")));
    cfg.seed = std::stoull(args->get_or("--seed", std::to_string(cfg.seed)));
  } catch (const std::exception&) {
    return fail(make_error(ErrorCode::kInvalidArgument, "--size, --runs, --samples, --cold-runs, --seed need numbers"), 2);
  }
  const std::string density = args->get_or("--density", "both");
  if (density == "dense" || density == "sparse") {
    cfg.densities = {density};
  } else if (density != "both") {
    return fail(make_error(ErrorCode::kInvalidArgument, "--density must be dense, sparse or both"), 2);
  }
  cfg.skip = split_list(args->get_or("--skip", ""));
  cfg.rules_dir = args->get("--rules-dir") ? fs::path(*args->get("--rules-dir")) : rules::default_rules_dir();
  cfg.host_exe = args->get("--host-exe") ? fs::path(*args->get("--host-exe")) : paths::executable_path();
  cfg.json_out = args->has("--json");
  auto skipped = [&](const char* part) { return cfg.skip.count(part) > 0; };

  TempDir work("run");
  if (work.path.empty()) return fail(make_error(ErrorCode::kIo, "cannot create a temporary folder"));
  const fs::path cache = work.path / "cache";
  fs::create_directories(cache);

  json out;
  out["config"] = {{"size_mb", cfg.size_mb}, {"runs", cfg.runs}, {"samples", cfg.samples},
                   {"cold_runs", cfg.cold_runs}, {"seed", cfg.seed}};
  out["machine"] = {{"hardware_concurrency", std::thread::hardware_concurrency()}};
  {
    std::ifstream cpu("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpu, line)) {
      if (line.rfind("model name", 0) == 0) {
        out["machine"]["cpu"] = line.substr(line.find(':') + 2);
        break;
      }
    }
  }

  auto t_build = Clock::now();
  auto engine = rules::build_engine(cfg.rules_dir, cache);
  if (!engine) return fail(engine.error());
  out["engine"] = {{"build_ms", bench::ms_since(t_build)}, {"patterns", (*engine)->stats().regex_patterns}};

  std::unique_ptr<bench::Anonymizer> anonymizer;
  std::string anonymize_unavailable;
  if (!skipped("anonymize")) {
    auto a = bench::open_anonymizer(work.path / "home-inproc", cache, cfg.rules_dir);
    if (a) {
      anonymizer = std::move(*a);
    } else {
      anonymize_unavailable = a.error().message;
      out["anonymize_unavailable"] = anonymize_unavailable;
    }
  }

  // Throughput, one core (this thread), per density.
  for (const auto& dname : cfg.densities) {
    bench::CorpusOptions co;
    co.bytes = static_cast<std::size_t>(cfg.size_mb * 1e6);
    co.bytes_per_hit = bench::density_bytes_per_hit(dname);
    co.seed = cfg.seed;
    const auto corpus = bench::generate_corpus(co);
    const double mb = static_cast<double>(corpus.text.size()) / 1e6;
    json d = {{"bytes", corpus.text.size()},
              {"chars", bench::count_codepoints(corpus.text)},
              {"messages", corpus.message_starts.size()},
              {"planted", corpus.planted.size()}};
    if (!skipped("scan")) {
      const auto blocks = blocks_of(corpus);
      std::vector<double> secs;
      std::size_t hits = 0;
      for (int r = 0; r < cfg.runs; ++r) {
        hits = 0;
        const auto t0 = Clock::now();
        for (auto b : blocks) {
          auto spans = (*engine)->scan(b, {});
          if (!spans) return fail(spans.error());
          hits += spans->size();
        }
        secs.push_back(bench::ms_since(t0) / 1000.0);
      }
      const double s = bench::median(secs);
      d["scan"] = {{"mb_per_s", mb / s}, {"seconds", s}, {"hits", hits}, {"runs", secs}};
    }
    if (anonymizer) {
      const auto msgs = messages_of(corpus);
      std::vector<double> secs;
      std::size_t entities = 0;
      for (int r = 0; r < cfg.runs; ++r) {
        entities = 0;
        const auto t0 = Clock::now();
        for (std::size_t i = 0; i < msgs.size(); ++i) {
          auto n = anonymizer->anonymize(std::string(msgs[i]),
                                         "bench/" + dname + "/" + std::to_string(r) + "/" + std::to_string(i / 20));
          if (!n) return fail(n.error());
          entities += *n;
        }
        secs.push_back(bench::ms_since(t0) / 1000.0);
      }
      const double s = bench::median(secs);
      d["anonymize"] = {{"mb_per_s", mb / s}, {"seconds", s}, {"entities", entities}, {"runs", secs}};
    }
    out["throughput"][dname] = d;
  }

  // Latency per message size, dense text (the paste case).
  const std::vector<std::pair<std::string, std::size_t>> sizes = {{"1KB", 1024}, {"16KB", 16384}, {"256KB", 262144}};
  std::map<std::string, std::vector<std::string>> messages;
  for (const auto& [name, bytes] : sizes) {
    const int n = bytes >= 262144 ? std::max(10, cfg.samples / 4) : cfg.samples;
    for (int i = 0; i < n; ++i) {
      messages[name].push_back(bench::generate_message(bytes, 100, cfg.seed + 1000 * bytes + static_cast<std::uint64_t>(i)));
    }
  }
  if (!skipped("latency")) {
    for (const auto& [name, bytes] : sizes) {
      std::vector<double> scan_ms, anon_ms;
      for (std::size_t i = 0; i < messages[name].size(); ++i) {
        const auto& m = messages[name][i];
        auto t0 = Clock::now();
        auto spans = (*engine)->scan(m, {});
        scan_ms.push_back(bench::ms_since(t0));
        if (!spans) return fail(spans.error());
        if (anonymizer) {
          t0 = Clock::now();
          auto n = anonymizer->anonymize(m, "latency/" + name + "/" + std::to_string(i / 20));
          anon_ms.push_back(bench::ms_since(t0));
          if (!n) return fail(n.error());
        }
      }
      out["latency_engine"][name]["scan"] = pct_json(bench::percentiles(scan_ms));
      if (anonymizer) out["latency_engine"][name]["anonymize"] = pct_json(bench::percentiles(anon_ms));
    }
  }

  // The real host over framed pipes.
  if (!skipped("host")) {
    const fs::path home = work.path / "home-host";
    auto host = bench::HostProcess::spawn(host_argv(cfg), host_env(home, cache, cfg.rules_dir));
    std::string host_error;
    if (!host) {
      host_error = host.error().message;
    } else {
      auto hello = host->request(request_json("hello", 0, ""));
      if (!hello || !reply_ok(*hello, &host_error)) {
        if (!hello) host_error = hello.error().message;
      } else {
        int id = 1;
        for (const auto& op : {std::string("scan"), std::string("anonymize")}) {
          for (const auto& [name, bytes] : sizes) {
            std::vector<double> ms;
            std::string why;
            for (const auto& m : messages[name]) {
              const std::string req = request_json(op, id++, m);
              const auto t0 = Clock::now();
              auto reply = host->request(req);
              const double elapsed = bench::ms_since(t0);
              if (!reply) {
                why = reply.error().message;
                break;
              }
              if (!reply_ok(*reply, &why)) break;
              ms.push_back(elapsed);
            }
            if (!why.empty()) {
              out["latency_host"][name][op] = {{"error", why}};
            } else {
              out["latency_host"][name][op] = pct_json(bench::percentiles(ms));
            }
          }
          if (!host) break;
        }
      }
      auto rss = host->finish();
      if (rss) out["memory"]["host_peak_rss_kib_after_latency"] = *rss;
    }
    if (!host_error.empty()) out["host_error"] = host_error;
  }

  if (!skipped("coldstart")) {
    std::vector<double> warm, cold;
    std::size_t rss_warm = 0;
    std::string err;
    const fs::path home = work.path / "home-cold";
    for (int r = 0; r < cfg.cold_runs + 1 && err.empty(); ++r) {
      auto c = cold_start(cfg, home, cache);  // cache was filled by build_engine above
      if (!c) {
        err = c.error().message;
        break;
      }
      if (r > 0) warm.push_back(c->first);  // the first start also creates the vault key
      rss_warm = std::max(rss_warm, c->second);
    }
    for (int r = 0; r < cfg.cold_runs && err.empty(); ++r) {
      const fs::path empty_cache = work.path / ("cache-empty-" + std::to_string(r));
      fs::create_directories(empty_cache);
      auto c = cold_start(cfg, home, empty_cache);
      if (!c) {
        err = c.error().message;
        break;
      }
      cold.push_back(c->first);
    }
    if (!err.empty()) {
      out["cold_start"] = {{"error", err}};
    } else {
      out["cold_start"] = {{"with_cache_ms", bench::median(warm)},
                           {"without_cache_ms", bench::median(cold)},
                           {"with_cache_runs", warm},
                           {"without_cache_runs", cold}};
      out["memory"]["host_peak_rss_kib_hello"] = rss_warm;
    }
  }
  out["memory"]["bench_process_peak_rss_kib"] = bench::self_peak_rss_kib();

  if (cfg.json_out) {
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "veil bench  (" << out["machine"].value("cpu", std::string("unknown CPU")) << ", "
            << out["machine"]["hardware_concurrency"].get<unsigned>() << " cores; engine built in "
            << fmt(out["engine"]["build_ms"].get<double>()) << " ms)\n\n";
  std::cout << "Throughput, one core, " << fmt(cfg.size_mb, 1) << " MB corpus, median of " << cfg.runs << " runs\n";
  std::cout << "  density  planted   scan MB/s   hits       anonymize MB/s\n";
  for (auto& [dname, d] : out["throughput"].items()) {
    std::cout << "  " << std::left << std::setw(9) << dname << std::setw(10) << d["planted"].get<std::size_t>()
              << std::setw(12) << (d.contains("scan") ? fmt(d["scan"]["mb_per_s"].get<double>()) : "-")
              << std::setw(11) << (d.contains("scan") ? std::to_string(d["scan"]["hits"].get<std::size_t>()) : "-")
              << (d.contains("anonymize") ? fmt(d["anonymize"]["mb_per_s"].get<double>())
                                          : (anonymize_unavailable.empty() ? std::string("skipped") : "not measured: " + anonymize_unavailable))
              << "\n";
  }
  auto lat = [](const json& j) {
    if (!j.is_object()) return std::string("-");
    if (j.contains("error")) return "error: " + j["error"].get<std::string>();
    return fmt(j["p50_ms"].get<double>(), 3) + " / " + fmt(j["p99_ms"].get<double>(), 3) + " ms";
  };
  std::cout << "\nLatency per message, dense text, p50 / p99\n";
  std::cout << "  size    engine scan            engine anonymize       host scan              host anonymize\n";
  for (const auto& [name, bytes] : sizes) {
    auto get = [&](const char* where, const char* op) {
      if (!out.contains(where) || !out[where].contains(name) || !out[where][name].contains(op)) return json();
      return out[where][name][op];
    };
    std::cout << "  " << std::left << std::setw(8) << name << std::setw(23) << lat(get("latency_engine", "scan"))
              << std::setw(23) << lat(get("latency_engine", "anonymize")) << std::setw(23)
              << lat(get("latency_host", "scan")) << lat(get("latency_host", "anonymize")) << "\n";
  }
  if (out.contains("host_error")) std::cout << "  host: " << out["host_error"].get<std::string>() << "\n";
  std::cout << "\nHost cold start (spawn to first reply), median of " << cfg.cold_runs << "\n";
  if (out.contains("cold_start") && out["cold_start"].contains("error")) {
    std::cout << "  not measured: " << out["cold_start"]["error"].get<std::string>() << "\n";
  } else if (out.contains("cold_start")) {
    std::cout << "  with cache     " << fmt(out["cold_start"]["with_cache_ms"].get<double>()) << " ms\n"
              << "  without cache  " << fmt(out["cold_start"]["without_cache_ms"].get<double>()) << " ms\n";
  }
  std::cout << "\nPeak resident memory (KiB)\n";
  for (auto& [k, v] : out["memory"].items()) std::cout << "  " << std::left << std::setw(36) << k << v.get<std::size_t>() << "\n";
  return 0;
}

}  // namespace veil::cli
