// Formats one file: syntax check, layout, then the token-for-token check of the result
// (formatter.h).
#include "format/formatter.h"

#include <fmt/format.h>

#include "format/layout.h"
#include "syntax/parser.h"
#include "syntax/source_tokens.h"

namespace fundguard {

namespace {

struct VisibleToken {
  std::string_view text;
  size_t type;
  int line;
};

// The tokens that carry meaning or comments, with the 1-based line each is on.
std::vector<VisibleToken> visibleTokens(const std::vector<SourceToken>& tokens) {
  std::vector<VisibleToken> out;
  int line = 1;
  for (const SourceToken& token : tokens) {
    if (token.kind == TokenKind::Space) {
      for (char c : token.text) line += c == '\n';
      continue;
    }
    std::string_view text = token.text;
    if (token.kind == TokenKind::Comment)
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    out.push_back({text, token.type, line});
  }
  return out;
}

std::string shown(const std::vector<VisibleToken>& tokens, size_t i) {
  if (i >= tokens.size()) return "the end of the file";
  return fmt::format("`{}` on line {}", tokens[i].text, tokens[i].line);
}

}  // namespace

std::string compareTokens(std::string_view before, std::string_view after) {
  std::vector<SourceToken> beforeTokens = lexSourceTokens(before);
  std::vector<SourceToken> afterTokens = lexSourceTokens(after);
  std::vector<VisibleToken> a = visibleTokens(beforeTokens);
  std::vector<VisibleToken> b = visibleTokens(afterTokens);
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    bool same = i < a.size() && i < b.size() && a[i].text == b[i].text && a[i].type == b[i].type;
    if (!same) return fmt::format("token {} changed: {} became {}", i + 1, shown(a, i), shown(b, i));
  }
  return {};
}

FormatResult formatFile(const SourceManager& sources, uint32_t fileId, DiagnosticSink& diags) {
  FormatResult result;
  const std::string& text = sources.file(fileId).text();
  size_t errorsBefore = diags.errorCount();
  parseFile(sources, fileId, diags);
  if (diags.errorCount() > errorsBefore) {
    result.status = FormatResult::Status::SyntaxErrors;
    return result;
  }
  std::vector<SourceToken> tokens;
  if (!readSourceTokens(text, tokens)) {
    result.status = FormatResult::Status::InternalError;
    result.problem = "the parser rejects a file that the checker accepts";
    return result;
  }
  std::string formatted = format::layOut(tokens);
  if (std::string difference = compareTokens(text, formatted); !difference.empty()) {
    result.status = FormatResult::Status::InternalError;
    result.problem = "the formatted text would not mean the same: " + difference;
    return result;
  }
  result.text = std::move(formatted);
  return result;
}

}  // namespace fundguard
