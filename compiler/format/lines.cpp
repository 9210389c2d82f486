// Cuts the token stream into lines and classifies them (see lines.h).
#include "format/lines.h"

#include <algorithm>

#include "diag/source_file.h"

namespace fundguard::format {

namespace {

// Advances a display column over whitespace; returns the newlines crossed (LF, CRLF, or a CR
// alone, as old Mac editors end lines).
int advanceOverSpace(const std::string& text, int& column) {
  int newlines = 0;
  for (size_t i = 0; i < text.size();) {
    bool ok;
    char32_t cp = utf8::decode(text, i, ok);
    if (cp == '\n' || (cp == '\r' && (i == text.size() || text[i] != '\n'))) {
      ++newlines;
      column = 0;
    } else if (cp == '\t') {
      column = (column / kTabWidth + 1) * kTabWidth;
    } else if (cp != '\r') {
      column += utf8::displayWidth(cp);
    }
  }
  return newlines;
}

void classify(std::vector<Line>& lines, const std::vector<SourceToken>& tokens) {
  int depth = 0;
  size_t itemLine = 0;
  for (size_t n = 0; n < lines.size(); ++n) {
    Line& line = lines[n];
    line.depth = depth;
    const SourceToken& first = tokens[line.tokens.front()];
    if (first.kind == TokenKind::Comment)
      line.kind = LineKind::Comment;
    else if (first.item != ItemKind::None)
      line.kind = LineKind::Item;
    else if (first.text == "}")
      line.kind = LineKind::Close;
    else
      line.kind = LineKind::Continuation;
    line.trailingComment = line.kind != LineKind::Comment && tokens[line.tokens.back()].kind == TokenKind::Comment;
    for (size_t t : line.tokens) {
      if (tokens[t].item != ItemKind::None) itemLine = n;
      if (tokens[t].text == "{" && tokens[t].kind == TokenKind::Code) ++depth;
      if (tokens[t].text == "}" && tokens[t].kind == TokenKind::Code && depth > 0) --depth;
    }
    line.itemLine = line.kind == LineKind::Item ? n : itemLine;
  }
}

}  // namespace

std::vector<Line> splitLines(const std::vector<SourceToken>& tokens) {
  std::vector<Line> lines;
  int column = 0;
  int newlines = 0;  // crossed since the last token
  bool atLineStart = true;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const SourceToken& token = tokens[t];
    if (token.kind == TokenKind::Space) {
      int crossed = advanceOverSpace(token.text, column);
      newlines += crossed;
      if (crossed > 0) atLineStart = true;
      continue;
    }
    if (atLineStart) {
      Line line;
      line.blankLinesBefore = lines.empty() ? 0 : std::max(0, newlines - 1);
      lines.push_back(std::move(line));
      atLineStart = false;
    }
    newlines = 0;
    lines.back().tokens.push_back(t);
    lines.back().sourceColumns.push_back(column);
    column += utf8::displayWidth(token.text);
  }
  classify(lines, tokens);
  return lines;
}

bool singleItemLine(const Line& line, const std::vector<SourceToken>& tokens) {
  if (line.kind != LineKind::Item) return false;
  for (size_t i = 1; i < line.tokens.size(); ++i)
    if (tokens[line.tokens[i]].item != ItemKind::None) return false;
  return true;
}

}  // namespace fundguard::format
