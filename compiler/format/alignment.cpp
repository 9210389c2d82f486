// Alignment groups and the columns of their cells (alignment.h).
#include "format/alignment.h"

#include <algorithm>

#include "diag/source_file.h"
#include "format/spacing.h"

namespace fundguard::format {

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

bool aligned(ItemKind kind) {
  return kind == ItemKind::Meta || kind == ItemKind::Let || kind == ItemKind::Param || kind == ItemKind::Column ||
         kind == ItemKind::Link || kind == ItemKind::DictEntry;
}

// Table columns read as a table: two spaces between their columns; one elsewhere.
int gapOf(ItemKind kind) {
  return kind == ItemKind::Column ? 2 : 1;
}

// Where each cell starts among a line's code tokens; kNone where it has none. Cell 0 is the start.
std::array<size_t, 4> cellStarts(const Line& line, const std::vector<SourceToken>& tokens) {
  std::array<size_t, 4> at = {0, kNone, kNone, kNone};
  for (size_t i = 1; i < line.codeCount(); ++i) {
    uint8_t cell = tokens[line.tokens[i]].cell;
    if (cell > 0 && cell < at.size() && at[cell] == kNone) at[cell] = i;
  }
  return at;
}

void alignGroup(const std::vector<size_t>& group, ItemKind kind, const std::vector<Line>& lines,
                const std::vector<SourceToken>& tokens, std::vector<CellColumns>& out) {
  std::vector<std::array<size_t, 4>> starts;
  for (size_t n : group) starts.push_back(cellStarts(lines[n], tokens));
  // A cell's column is right of everything before it in every line that has it or a later cell:
  // a table's flags column starts after its widest type, even in lines without flags.
  CellColumns columns = {0, -1, -1, -1};
  for (size_t cell = 1; cell < columns.size(); ++cell) {
    for (size_t r = 0; r < group.size(); ++r) {
      size_t next = cell;
      while (next < columns.size() && starts[r][next] == kNone) ++next;
      if (next == columns.size()) continue;
      size_t previous = cell - 1;
      while (starts[r][previous] == kNone) --previous;  // cell 0 is always there
      int width = naturalWidth(lines[group[r]], tokens, starts[r][previous], starts[r][next]);
      columns[cell] = std::max(columns[cell], columns[previous] + width + gapOf(kind));
    }
  }
  for (size_t r = 0; r < group.size(); ++r)
    for (size_t cell = 1; cell < columns.size(); ++cell)
      out[group[r]][cell] = starts[r][cell] == kNone ? -1 : columns[cell];
}

// `fund` under `amount`, `evidence` under `violating`: the width of the family's longest keyword.
int familyColumn(ItemKind kind) {
  if (kind == ItemKind::Amount) return utf8::displayWidth("amount") + 1;
  if (kind == ItemKind::Subject) return utf8::displayWidth("violating") + 1;
  return -1;
}

}  // namespace

int naturalWidth(const Line& line, const std::vector<SourceToken>& tokens, size_t from, size_t to) {
  int width = 0;
  for (size_t i = from; i < to; ++i) {
    const SourceToken& token = tokens[line.tokens[i]];
    if (i > from) width += spaceBetween(tokens[line.tokens[i - 1]], token);
    width += utf8::displayWidth(token.text);
  }
  return width;
}

std::vector<CellColumns> alignCells(const std::vector<Line>& lines, const std::vector<SourceToken>& tokens) {
  std::vector<CellColumns> out(lines.size(), CellColumns{0, -1, -1, -1});
  std::vector<size_t> group;
  ItemKind groupKind = ItemKind::None;
  int groupDepth = 0;
  auto flush = [&] {
    if (!group.empty()) alignGroup(group, groupKind, lines, tokens, out);
    group.clear();
  };
  for (size_t n = 0; n < lines.size(); ++n) {
    const Line& line = lines[n];
    if (line.kind == LineKind::Continuation && line.blankLinesBefore == 0) continue;  // part of the item above
    ItemKind kind = line.kind == LineKind::Item ? tokens[line.tokens.front()].item : ItemKind::None;
    if (int column = familyColumn(kind); column >= 0) {
      size_t expression = cellStarts(line, tokens)[1];
      if (expression == 1) out[n][1] = column;  // the expression right after the keyword
    }
    bool alignable = aligned(kind) && singleItemLine(line, tokens);
    if (!alignable || line.blankLinesBefore > 0 || kind != groupKind || line.depth != groupDepth) flush();
    if (!alignable) continue;
    group.push_back(n);
    groupKind = kind;
    groupDepth = line.depth;
  }
  flush();
  return out;
}

}  // namespace fundguard::format
