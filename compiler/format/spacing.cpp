// The spacing rules of the canonical layout (spacing.h).
#include "format/spacing.h"

namespace fundguard::format {

int spaceBetween(const SourceToken& before, const SourceToken& after) {
  if (after.kind == TokenKind::Comment) return kItemSeparation;
  // `amount 1  fund 1`: a second item on a line; `{ "1": "a" }` keeps one space after the brace.
  if (after.item != ItemKind::None) return before.text == "{" ? 1 : kItemSeparation;
  const std::string& b = before.text;
  const std::string& a = after.text;
  if (b == "(" || b == "[") return 0;
  if (a == ")" || a == "]" || a == "," || a == ":") return 0;
  if (b == "." || a == ".") return 0;
  if (before.unaryMinus) return 0;
  if (a == "(" && after.callParen) return 0;
  return 1;
}

}  // namespace fundguard::format
