// The diagnostic table, the sink and the "did you mean" matcher.
#include "diag/diagnostic.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace fundguard {

const std::vector<DiagInfo>& allDiagnostics() {
  static const std::vector<DiagInfo> table = {
#define DIAG(code, severity, title) {DiagCode::code, #code, Severity::severity, title},
#include "diag/diagnostic_codes.def"
#undef DIAG
  };
  return table;
}

const DiagInfo& diagInfo(DiagCode code) {
  return allDiagnostics().at(static_cast<size_t>(code));
}

Diagnostic& DiagnosticSink::report(DiagCode code, Span span, std::string message, std::string hint) {
  diags_.push_back({code, diagInfo(code).severity, span, std::move(message), std::move(hint), {}, {}});
  return diags_.back();
}

size_t DiagnosticSink::errorCount() const {
  return static_cast<size_t>(
      std::count_if(diags_.begin(), diags_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

size_t DiagnosticSink::warningCount() const {
  return static_cast<size_t>(
      std::count_if(diags_.begin(), diags_.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

void DiagnosticSink::sort(const SourceManager& sources) {
  auto key = [&](const Diagnostic& d) {
    const std::string* path = nullptr;
    static const std::string none;
    path = d.span.valid() ? &sources.file(d.span.file).path() : &none;
    return std::make_tuple(*path, d.span.begin, static_cast<int>(d.code), d.message);
  };
  std::stable_sort(diags_.begin(), diags_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diags_.erase(std::unique(diags_.begin(), diags_.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.code == b.code && a.span.file == b.span.file && a.span.begin == b.span.begin &&
                                    a.message == b.message;
                           }),
               diags_.end());
}

namespace {
std::u32string decodeAll(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    bool ok;
    out += utf8::decode(s, i, ok);
  }
  return out;
}

// Edit distance counting a swap of two neighbours as one edit (`whne` is one edit from `when`).
size_t editDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}
}  // namespace

std::string closestMatch(std::string_view name, const std::vector<std::string>& candidates) {
  std::u32string target = decodeAll(name);
  size_t best = SIZE_MAX;
  std::string bestName;
  for (const auto& c : candidates) {
    size_t d = editDistance(target, decodeAll(c));
    if (d < best || (d == best && c < bestName)) {
      best = d;
      bestName = c;
    }
  }
  size_t limit = std::max<size_t>(1, target.size() / 3);
  return best <= limit ? bestName : std::string();
}

std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string match = closestMatch(name, candidates);
  return match.empty() ? std::string() : fmt::format("did you mean `{}`?", match);
}

std::string didYouMeanOr(std::string_view name, const std::vector<std::string>& candidates, std::string otherwise) {
  std::string hint = didYouMean(name, candidates);
  return hint.empty() ? otherwise : hint;
}

}  // namespace fundguard
