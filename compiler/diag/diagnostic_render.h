// Renders diagnostics for people (text with the source line and a caret, like rustc) and for
// machines (JSON, SARIF 2.1.0 for CI annotations). All three read the in-memory sources.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace fundguard {

struct RenderOptions {
  bool color = false;  // ANSI colours for terminals; golden files use none
};

std::string renderText(const SourceManager& sources, const std::vector<Diagnostic>& diags,
                       const RenderOptions& options = {});
std::string renderJson(const SourceManager& sources, const std::vector<Diagnostic>& diags, size_t filesChecked);
std::string renderSarif(const SourceManager& sources, const std::vector<Diagnostic>& diags,
                        const std::string& toolVersion);

// One line summary: "2 errors, 1 warning in 14 files".
std::string renderSummary(size_t errors, size_t warnings, size_t files);

}  // namespace fundguard
