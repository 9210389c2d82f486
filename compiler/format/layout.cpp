// The canonical layout (layout.h): where every line starts and every token goes, then the text.
#include "format/layout.h"

#include <algorithm>

#include "diag/source_file.h"
#include "format/alignment.h"
#include "format/lines.h"
#include "format/spacing.h"

namespace fundguard::format {

namespace {

constexpr int kIndent = 2;

// A comment's text without the spaces it may end with.
std::string_view trimmedText(const SourceToken& token) {
  std::string_view text = token.text;
  if (token.kind == TokenKind::Comment)
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

int widthOf(const SourceToken& token) {
  return utf8::displayWidth(trimmedText(token));
}

class Layout {
 public:
  explicit Layout(const std::vector<SourceToken>& tokens)
      : tokens_(tokens), lines_(splitLines(tokens)), cells_(alignCells(lines_, tokens)), columns_(lines_.size()) {}

  std::string run() {
    // Aligning named values can move what continuation lines stand under: lay out again until
    // the named values' columns settle (the second pass almost always; a few at most).
    namedColumns_.assign(lines_.size(), -1);
    for (int pass = 0; pass < 4; ++pass) {
      naturalNamed_.assign(lines_.size(), -1);
      for (size_t n = 0; n < lines_.size(); ++n) placeLine(n);
      std::vector<int> columns = alignNamedValues();
      if (columns == namedColumns_) break;
      namedColumns_ = std::move(columns);
    }
    placeTrailingComments();
    return text();
  }

 private:
  const SourceToken& token(size_t n, size_t i) const { return tokens_[lines_[n].tokens[i]]; }

  // Where a line's first token goes.
  int startColumn(size_t n) const {
    const Line& line = lines_[n];
    switch (line.kind) {
      case LineKind::Item:
        return kIndent * line.depth;
      case LineKind::Close:
        return kIndent * std::max(0, line.depth - 1);
      case LineKind::Continuation:
        return continuationColumn(n);
      case LineKind::Comment:
        break;
    }
    // A comment alone on its line belongs to the code after it.
    for (size_t m = n + 1; m < lines_.size(); ++m) {
      if (lines_[m].kind == LineKind::Comment) continue;
      if (lines_[m].kind == LineKind::Continuation) return continuationColumn(n);
      return kIndent * lines_[m].depth;  // an item, or the inside of the block a `}` closes
    }
    return kIndent * line.depth;
  }

  // A continuation line moves with the token it stood under on the nearest line above it of the
  // same item: the rightmost one that started at or left of the line's own first column.
  int continuationColumn(size_t n) const {
    const Line& line = lines_[n];
    int column = line.sourceColumns.front();
    size_t item = line.itemLine;
    int itemStart = columns_[item].front();
    int moved = column + itemStart - lines_[item].sourceColumns.front();
    for (size_t p = n; p-- > item;) {
      const Line& above = lines_[p];
      size_t count = above.kind == LineKind::Comment ? 1 : above.codeCount();
      if (above.sourceColumns.front() > column) continue;
      size_t anchor = 0;
      while (anchor + 1 < count && above.sourceColumns[anchor + 1] <= column) ++anchor;
      moved = column + columns_[p][anchor] - above.sourceColumns[anchor];
      break;
    }
    return std::max(moved, itemStart);
  }

  void placeLine(size_t n) {
    const Line& line = lines_[n];
    std::vector<int>& columns = columns_[n];
    columns.assign(line.tokens.size(), 0);
    int start = startColumn(n);
    columns[0] = start;
    std::array<bool, 4> cellPlaced = {true, false, false, false};
    for (size_t i = 1; i < line.codeCount(); ++i) {
      const SourceToken& previous = token(n, i - 1);
      const SourceToken& current = token(n, i);
      columns[i] = columns[i - 1] + widthOf(previous) + spaceBetween(previous, current);
      if (current.namedValue && naturalNamed_[n] < 0) {
        naturalNamed_[n] = columns[i];
        columns[i] = std::max(columns[i], namedColumns_[n]);
      }
      uint8_t cell = current.cell;
      if (cell > 0 && cell < cellPlaced.size() && !cellPlaced[cell]) {
        cellPlaced[cell] = true;
        if (cells_[n][cell] >= 0) columns[i] = std::max(columns[i], start + cells_[n][cell]);
      }
    }
  }

  // The first named value (`ym: period`) of each line, where it must go to stand in one column
  // with those of the lines next to it of the same item that stood in one column in the input.
  std::vector<int> alignNamedValues() const {
    std::vector<int> out(lines_.size(), -1);
    auto sourceColumn = [&](size_t n) {
      for (size_t i = 0; i < lines_[n].codeCount(); ++i)
        if (token(n, i).namedValue) return lines_[n].sourceColumns[i];
      return -1;
    };
    for (size_t n = 0; n < lines_.size();) {
      int column = sourceColumn(n);
      size_t end = n + 1;
      while (column >= 0 && end < lines_.size() && lines_[end].kind == LineKind::Continuation &&
             lines_[end].blankLinesBefore == 0 && sourceColumn(end) == column)
        ++end;
      if (end - n > 1) {
        int target = 0;
        for (size_t m = n; m < end; ++m) target = std::max(target, naturalNamed_[m]);
        for (size_t m = n; m < end; ++m) out[m] = target;
      }
      n = end;
    }
    return out;
  }

  int codeEnd(size_t n) const {
    size_t last = lines_[n].codeCount() - 1;
    return columns_[n][last] + widthOf(token(n, last));
  }

  // Trailing comments two spaces after their code; those of neighbouring lines that stood in one
  // column in the input stay in one column, two spaces after the longest of their lines.
  void placeTrailingComments() {
    for (size_t n = 0; n < lines_.size();) {
      if (!lines_[n].trailingComment) {
        ++n;
        continue;
      }
      size_t end = n + 1;
      while (end < lines_.size() && lines_[end].trailingComment && lines_[end].blankLinesBefore == 0 &&
             lines_[end].sourceColumns.back() == lines_[n].sourceColumns.back())
        ++end;
      int column = 0;
      for (size_t m = n; m < end; ++m) column = std::max(column, codeEnd(m) + kItemSeparation);
      for (size_t m = n; m < end; ++m) columns_[m].back() = column;
      n = end;
    }
  }

  bool endsWithOpenBrace(size_t n) const {
    const Line& line = lines_[n];
    return line.kind != LineKind::Comment && token(n, line.codeCount() - 1).text == "{";
  }

  std::string text() const {
    std::string out;
    for (size_t n = 0; n < lines_.size(); ++n) {
      const Line& line = lines_[n];
      if (n > 0 && line.blankLinesBefore > 0 && line.kind != LineKind::Close && !endsWithOpenBrace(n - 1)) out += '\n';
      int column = 0;
      for (size_t i = 0; i < line.tokens.size(); ++i) {
        out.append(static_cast<size_t>(std::max(0, columns_[n][i] - column)), ' ');
        out += trimmedText(token(n, i));
        column = std::max(column, columns_[n][i]) + widthOf(token(n, i));
      }
      out += '\n';
    }
    return out;
  }

  const std::vector<SourceToken>& tokens_;
  std::vector<Line> lines_;
  std::vector<CellColumns> cells_;
  std::vector<std::vector<int>> columns_;  // where each token of each line goes
  std::vector<int> namedColumns_;          // where the first named value of a line goes; -1: anywhere
  std::vector<int> naturalNamed_;          // where it would go unaligned
};

}  // namespace

std::string layOut(const std::vector<SourceToken>& tokens) {
  return Layout(tokens).run();
}

}  // namespace fundguard::format
