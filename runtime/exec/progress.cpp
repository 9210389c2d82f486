// See progress.h.
#include "exec/progress.h"

#include <unistd.h>

#include <iostream>

#include "support/display_width.h"
#include "support/number_text.h"

namespace fundguard {

namespace {
constexpr int kBarCells = 24;

int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

Progress::Progress(std::string label, uint64_t total)
    : Progress(std::move(label), total, isatty(STDERR_FILENO) ? &std::cerr : nullptr, std::chrono::milliseconds(100)) {}

Progress::Progress(std::string label, uint64_t total, std::ostream* terminal, std::chrono::milliseconds interval)
    : label_(std::move(label)),
      total_(total),
      out_(terminal),
      intervalNs_(std::chrono::duration_cast<std::chrono::nanoseconds>(interval).count()),
      // Counting from construction means a step shorter than one interval never draws at all.
      lastDrawNs_(nowNs()) {}

Progress::~Progress() {
  finish();
}

void Progress::advance(uint64_t n) {
  done_.fetch_add(n, std::memory_order_relaxed);
  if (!out_) return;
  int64_t now = nowNs();
  if (now - lastDrawNs_.load(std::memory_order_relaxed) < intervalNs_) return;
  std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
  if (!lock || finished_) return;
  // Another thread may have drawn between the check and the lock.
  if (now - lastDrawNs_.load(std::memory_order_relaxed) < intervalNs_) return;
  lastDrawNs_.store(now, std::memory_order_relaxed);
  draw();
}

std::string Progress::line(uint64_t count) const {
  std::string text = label_;
  if (total_ > 0) {
    uint64_t shown = count < total_ ? count : total_;
    auto filled = static_cast<int>(shown * kBarCells / total_);
    text += " [";
    text.append(static_cast<size_t>(filled), '#');
    text.append(static_cast<size_t>(kBarCells - filled), '-');
    text += "] ";
    text += padLeft(std::to_string(shown * 100 / total_) + "%", 4);
    text += "  " + groupThousands(std::to_string(count)) + "/" + groupThousands(std::to_string(total_));
  } else {
    text += "  " + groupThousands(std::to_string(count));
  }
  return text;
}

void Progress::draw() {
  std::string text = line(done());
  int width = terminalWidth(text);
  // Blank out what is left of a longer previous line.
  if (width < drawnWidth_) text.append(static_cast<size_t>(drawnWidth_ - width), ' ');
  *out_ << '\r' << text << std::flush;
  drawnWidth_ = width > drawnWidth_ ? width : drawnWidth_;
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (finished_) return;
  finished_ = true;
  if (out_ && drawnWidth_ > 0)
    *out_ << '\r' << std::string(static_cast<size_t>(drawnWidth_), ' ') << '\r' << std::flush;
  drawnWidth_ = 0;
}

}  // namespace fundguard
