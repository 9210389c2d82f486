// fundguard_membw: the memory-bandwidth probe of the benchmark (bench/README.md).
//
// Screening in-memory columns is a streaming read: every rule reads a few 64-bit cells per row.
// So the upper bound of any back end on a machine is how fast one core (or N cores) can stream
// int64s from main memory. This probe measures exactly that: it sums a large int64 array (far
// larger than the caches) with 1..N threads, each thread reading its own contiguous slice, and
// reports the best of several passes in GB/s and in "rows/s" for a given number of bytes a row
// (run-bench.py passes the in-memory size of one fee line, so that the screening's rows/s can be
// read as a fraction of the machine's limit).
//
//   fundguard_membw [--mib N] [--passes N] [--threads N] [--bytes-per-row N] [--json]
//
// Plain C++17 and threads, no dependencies: it builds on any machine the engine builds on.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
  std::size_t mebibytes = 1024;  // 1 GiB: far beyond any L3, small enough for a shared box
  int passes = 5;                // best of: the first pass may still fault in pages
  int maxThreads = 0;            // 0: hardware_concurrency()
  double bytesPerRow = 162.0;    // one fee line in memory: 18 columns x (8-byte cell + presence byte)
  bool json = false;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "fundguard_membw: %s\n"
               "usage: fundguard_membw [--mib N] [--passes N] [--threads N] [--bytes-per-row N] [--json]\n",
               why);
  std::exit(2);
}

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
      return argv[++i];
    };
    if (arg == "--mib")
      options.mebibytes = std::strtoull(value(), nullptr, 10);
    else if (arg == "--passes")
      options.passes = std::atoi(value());
    else if (arg == "--threads")
      options.maxThreads = std::atoi(value());
    else if (arg == "--bytes-per-row")
      options.bytesPerRow = std::strtod(value(), nullptr);
    else if (arg == "--json")
      options.json = true;
    else
      usage(("unknown option " + arg).c_str());
  }
  if (options.mebibytes < 64 || options.passes < 1 || options.maxThreads < 0 || options.bytesPerRow <= 0)
    usage("--mib must be >= 64, --passes >= 1, --threads >= 0, --bytes-per-row > 0");
  if (options.maxThreads == 0) options.maxThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return options;
}

// Four independent accumulators so that the add latency does not hide the memory bound.
std::int64_t sumSlice(const std::int64_t* begin, const std::int64_t* end) {
  std::int64_t a = 0, b = 0, c = 0, d = 0;
  const std::int64_t* p = begin;
  for (; p + 4 <= end; p += 4) {
    a += p[0];
    b += p[1];
    c += p[2];
    d += p[3];
  }
  for (; p < end; ++p) a += *p;
  return a + b + c + d;
}

// One pass over the whole array with `threads` threads; returns seconds.
double timedPass(const std::vector<std::int64_t>& cells, int threads, std::int64_t& checksum) {
  std::vector<std::int64_t> partial(static_cast<std::size_t>(threads), 0);
  std::vector<std::thread> workers;
  const std::size_t n = cells.size();
  auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::size_t from = n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
      std::size_t to = n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
      partial[static_cast<std::size_t>(t)] = sumSlice(cells.data() + from, cells.data() + to);
    });
  }
  for (auto& worker : workers) worker.join();
  auto stop = std::chrono::steady_clock::now();
  for (std::int64_t value : partial) checksum += value;  // used below, so the sums are not elided
  return std::chrono::duration<double>(stop - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parseOptions(argc, argv);
  const std::size_t count = options.mebibytes * 1024 * 1024 / sizeof(std::int64_t);
  std::vector<std::int64_t> cells(count);
  for (std::size_t i = 0; i < count; ++i) cells[i] = static_cast<std::int64_t>(i & 1023);  // touch every page

  std::int64_t checksum = 0;
  const double bytes = static_cast<double>(count * sizeof(std::int64_t));
  if (options.json)
    std::printf("{\"mib\": %zu, \"bytes_per_row\": %g, \"results\": [", options.mebibytes, options.bytesPerRow);
  else
    std::printf(
        "read bandwidth, %zu MiB of int64, best of %d passes; rows at %g bytes a row\n"
        "threads      GB/s      Mrows/s\n",
        options.mebibytes, options.passes, options.bytesPerRow);
  for (int threads = 1; threads <= options.maxThreads; ++threads) {
    double best = 1e300;
    for (int pass = 0; pass < options.passes; ++pass) best = std::min(best, timedPass(cells, threads, checksum));
    const double gbPerSecond = bytes / best / 1e9;
    const double rowsPerSecond = bytes / best / options.bytesPerRow;
    if (options.json)
      std::printf("%s{\"threads\": %d, \"gb_per_s\": %.3f, \"rows_per_s\": %.0f}", threads > 1 ? ", " : "", threads,
                  gbPerSecond, rowsPerSecond);
    else
      std::printf("%7d  %8.2f  %11.1f\n", threads, gbPerSecond, rowsPerSecond / 1e6);
  }
  if (options.json)
    std::printf("], \"checksum\": %lld}\n", static_cast<long long>(checksum));
  else
    std::printf("(checksum %lld)\n", static_cast<long long>(checksum));
  return 0;
}
