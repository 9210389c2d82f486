// The holes of a message template, `{name}` or `{name.field}`, checked like names in the rule,
// with positions inside the text counted in characters.
#include "sema/message_template.h"

#include <fmt/format.h>

namespace fundguard {

using namespace ast;

void checkMessageTemplate(const MessageClause& message, ExprChecker& checker, DiagnosticSink& diags) {
  const std::string& text = message.text;
  uint32_t base = message.textSpan.begin + 1;  // after the opening quote
  // Walk the template by characters, so that spans inside it count characters like the lexer.
  if (text.empty())
    diags.report(DiagCode::FG4009, message.textSpan, "the message is empty",
                 "say what a reviewer should check, with the values: `message \"...{name}...\"`");
  uint32_t ch = 0;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\\' && i + 1 < text.size()) {  // an escape: the backslash and one character
      bool ok;
      ++i;
      utf8::decode(text, i, ok);
      ch += 2;
      continue;
    }
    if (text[i] == '}') {
      diags.report(DiagCode::FG4009, Span{message.textSpan.file, base + ch, base + ch + 1}, "`}` without a `{`",
                   "write \\} for a literal brace");
      ++i;
      ++ch;
      continue;
    }
    if (text[i] != '{') {
      bool ok;
      utf8::decode(text, i, ok);
      ++ch;
      continue;
    }
    size_t close = text.find('}', i);
    uint32_t holeStart = ch;
    if (close == std::string::npos) {
      diags.report(DiagCode::FG4009, Span{message.textSpan.file, base + ch, base + ch + 1}, "`{` without a closing `}`",
                   "a hole is {name} or {name.field}; write \\{ for a literal brace");
      return;
    }
    std::string hole = text.substr(i + 1, close - i - 1);
    uint32_t holeChars = 0;
    for (size_t k = 0; k < hole.size();) {
      bool ok;
      utf8::decode(hole, k, ok);
      ++holeChars;
    }
    Span holeSpan{message.textSpan.file, base + holeStart + 1, base + holeStart + 1 + holeChars};
    // A hole is a dotted path of names.
    std::vector<std::string> parts;
    size_t start = 0;
    bool wellFormed = !hole.empty();
    while (wellFormed) {
      size_t dot = hole.find('.', start);
      std::string part = hole.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      wellFormed = !part.empty() && part.find_first_of(" +-*/()\"'{") == std::string::npos;
      parts.push_back(part);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    if (!wellFormed) {
      diags.report(DiagCode::FG4009, holeSpan, fmt::format("`{{{}}}` is not a name", hole),
                   "holes are names or fields ({gap}, {line.pric}); compute anything else with `let` first");
    } else {
      Type t = checker.nameType(parts[0], holeSpan);
      for (size_t k = 1; k < parts.size() && !t.isError(); ++k) t = checker.memberType(t, parts[k], holeSpan);
      bool printable =
          t.isError() || t.isScalar() || t.kind() == TypeKind::Null || (t.isCollection() && t.element().isScalar());
      if (!printable)
        diags.report(DiagCode::FG4009, holeSpan, fmt::format("`{{{}}}` is {}, which cannot be printed", hole, t.str()),
                     "name one of its fields");
    }
    ch = holeStart + 2 + holeChars;
    i = close + 1;
  }
}

}  // namespace fundguard
