// One Diagnostic type for every error and warning the compiler reports, and the sink that
// collects them. Renderers (diagnostic_render.h) turn them into text, JSON or SARIF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/source_file.h"

namespace fundguard {

enum class Severity { Error, Warning, Note };

enum class DiagCode {
#define DIAG(code, severity, title) code,
#include "diag/diagnostic_codes.def"
#undef DIAG
};

struct DiagInfo {
  DiagCode code;
  const char* name;  // "FG1011"
  Severity severity;
  const char* title;
};

const DiagInfo& diagInfo(DiagCode code);
const std::vector<DiagInfo>& allDiagnostics();

struct DiagNote {
  Span span;
  std::string message;
};

// A mechanical repair: replace the text of `span` by `replacement`. Editors and CI bots apply
// it (JSON and SARIF carry it); people read the hint.
struct FixIt {
  Span span;
  std::string replacement;
};

struct Diagnostic {
  DiagCode code;
  Severity severity;
  Span span;
  std::string message;
  std::string hint;  // what to do, e.g. "did you mean `hifp_pay`?"; may be empty
  std::vector<DiagNote> notes;
  std::vector<FixIt> fixes;

  Diagnostic& fix(Span at, std::string replacement) {
    fixes.push_back({at, std::move(replacement)});
    return *this;
  }
};

class DiagnosticSink {
 public:
  Diagnostic& report(DiagCode code, Span span, std::string message, std::string hint = {});
  const std::vector<Diagnostic>& all() const { return diags_; }
  size_t errorCount() const;
  size_t warningCount() const;
  bool hasErrors() const { return errorCount() > 0; }
  // Orders by file, position and code so that output is stable whatever order checks ran in.
  void sort(const SourceManager& sources);

 private:
  std::vector<Diagnostic> diags_;
};

// "did you mean" support: the candidate closest to `name` by edit distance, or "" when none is
// close enough to be a plausible typo.
std::string closestMatch(std::string_view name, const std::vector<std::string>& candidates);
std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates);
// didYouMean, or `otherwise` when nothing is close.
std::string didYouMeanOr(std::string_view name, const std::vector<std::string>& candidates, std::string otherwise);

}  // namespace fundguard
