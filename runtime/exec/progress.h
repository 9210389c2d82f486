// A progress line for long runs: "读取 fee_list_d [#########---------------]  38%  3,800,000/10,000,000".
// It is drawn on stderr only when stderr is a terminal, so piped or logged output never holds
// carriage returns; redraws are rate-limited, and the line is erased at the end so what follows
// starts on a clean line. Nothing else should write to the same terminal while a bar is shown.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace fundguard {

class Progress {
 public:
  // total 0: unknown, the line shows only the count. Draws on std::cerr when stderr is a
  // terminal, at most 10 times a second; otherwise silent.
  Progress(std::string label, uint64_t total);
  // Draws on `terminal` (nullptr: silent) at most once per `interval`; tests use this.
  Progress(std::string label, uint64_t total, std::ostream* terminal, std::chrono::milliseconds interval);
  ~Progress();  // finish()
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Thread-safe; cheap when no redraw is due (an atomic add and a clock read), so workers may
  // call it per batch. A redraw is skipped, not waited for, while another thread draws.
  void advance(uint64_t n = 1);
  // Erases the line if one was drawn; later advance() calls draw nothing. Idempotent.
  void finish();

  uint64_t done() const { return done_.load(std::memory_order_relaxed); }

  // The line as drawn for a count, without the leading carriage return.
  std::string line(uint64_t count) const;

 private:
  void draw();  // with mutex_ held

  const std::string label_;
  const uint64_t total_;
  std::ostream* const out_;
  const int64_t intervalNs_;
  std::atomic<uint64_t> done_{0};
  std::atomic<int64_t> lastDrawNs_;
  std::mutex mutex_;
  int drawnWidth_ = 0;  // columns of the line on screen; 0 when none is
  bool finished_ = false;
};

}  // namespace fundguard
