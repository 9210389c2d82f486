// Line diff by longest common subsequence, printed as unified hunks (text_diff.h). The files a
// formatter compares are small; past a few thousand changed lines the middle that differs is
// shown as one replacement rather than spending quadratic memory on it.
#include "text_diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace fundguard::cli {

namespace {

constexpr size_t kMaxTable = size_t(1) << 24;  // cells of the LCS table before giving up on it

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    size_t next = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, next));
    text.remove_prefix(next);
  }
  return lines;
}

enum class Op { Keep, Remove, Add };

struct Edit {
  Op op;
  size_t before;  // line index in `before` (Keep, Remove)
  size_t after;   // line index in `after` (Keep, Add)
};

std::vector<Edit> editScript(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix + prefix < a.size() && suffix + prefix < b.size() &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  std::vector<Edit> edits;
  for (size_t i = 0; i < prefix; ++i) edits.push_back({Op::Keep, i, i});
  if ((n + 1) * (m + 1) <= kMaxTable) {
    // lcs[i][j]: the longest common subsequence of the middles' suffixes from i and j.
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        edits.push_back({Op::Keep, prefix + i++, prefix + j++});
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        edits.push_back({Op::Remove, prefix + i++, prefix + j});  // removals first, as diff -u
      } else {
        edits.push_back({Op::Add, prefix + i, prefix + j++});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) edits.push_back({Op::Remove, prefix + i, prefix});
    for (size_t j = 0; j < m; ++j) edits.push_back({Op::Add, prefix + n, prefix + j});
  }
  for (size_t k = 0; k < suffix; ++k) edits.push_back({Op::Keep, prefix + n + k, prefix + m + k});
  return edits;
}

void appendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, const std::string& beforeName,
                        const std::string& afterName, size_t context) {
  if (before == after) return {};
  std::vector<std::string_view> a = splitLines(before), b = splitLines(after);
  std::vector<Edit> edits = editScript(a, b);
  std::string out = fmt::format("--- {}\n+++ {}\n", beforeName, afterName);
  for (size_t k = 0; k < edits.size();) {
    if (edits[k].op == Op::Keep) {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is no more than 2 * context unchanged lines from the one before it.
    size_t begin = k >= context ? k - context : 0;
    while (begin < k && edits[begin].op != Op::Keep) ++begin;
    size_t end = k;
    for (size_t kept = 0; end < edits.size() && kept <= 2 * context; ++end)
      kept = edits[end].op == Op::Keep ? kept + 1 : 0;
    while (end > k && edits[end - 1].op == Op::Keep) --end;
    end = std::min(edits.size(), end + context);
    size_t beforeCount = 0, afterCount = 0;
    for (size_t e = begin; e < end; ++e) {
      beforeCount += edits[e].op != Op::Add;
      afterCount += edits[e].op != Op::Remove;
    }
    size_t beforeStart = edits[begin].before + (beforeCount > 0 ? 1 : 0);
    size_t afterStart = edits[begin].after + (afterCount > 0 ? 1 : 0);
    out += fmt::format("@@ -{},{} +{},{} @@\n", beforeStart, beforeCount, afterStart, afterCount);
    for (size_t e = begin; e < end; ++e) {
      const Edit& edit = edits[e];
      if (edit.op == Op::Keep) appendLine(out, ' ', a[edit.before]);
      if (edit.op == Op::Remove) appendLine(out, '-', a[edit.before]);
      if (edit.op == Op::Add) appendLine(out, '+', b[edit.after]);
    }
    k = end;
  }
  return out;
}

}  // namespace fundguard::cli
