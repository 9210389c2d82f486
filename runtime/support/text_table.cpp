// See text_table.h.
#include "support/text_table.h"

#include <algorithm>
#include <stdexcept>

#include "support/display_width.h"

namespace fundguard {

TextTable::TextTable(std::vector<std::string> headings, std::vector<Align> aligns)
    : headings_(std::move(headings)), aligns_(std::move(aligns)) {
  if (aligns_.size() != headings_.size()) throw std::logic_error("TextTable: one alignment per column");
}

void TextTable::addRow(std::vector<std::string> cells) {
  // A short row would misalign every later column; it is a programming error, not data.
  if (cells.size() != headings_.size()) throw std::logic_error("TextTable: row has the wrong number of cells");
  rows_.push_back(std::move(cells));
}

void TextTable::addRule() {
  rows_.emplace_back();
}

void TextTable::write(std::ostream& out, int indent) const {
  std::vector<int> widths(headings_.size());
  for (size_t c = 0; c < headings_.size(); ++c) widths[c] = terminalWidth(headings_[c]);
  for (const auto& row : rows_)
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], terminalWidth(row[c]));
  int total = 0;
  for (int w : widths) total += w;
  total += 2 * static_cast<int>(widths.empty() ? 0 : widths.size() - 1);
  const std::string margin(static_cast<size_t>(indent), ' ');
  const std::string dashes = margin + std::string(static_cast<size_t>(total), '-') + "\n";

  auto line = [&](const std::vector<std::string>& cells) {
    std::string text = margin;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c) text += "  ";
      // Headings follow their column's alignment so a number's heading sits over its digits.
      bool left = aligns_[c] == Align::Left;
      text += left ? padRight(cells[c], widths[c]) : padLeft(cells[c], widths[c]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };

  line(headings_);
  out << dashes;
  for (const auto& row : rows_) {
    if (row.empty())
      out << dashes;
    else
      line(row);
  }
}

}  // namespace fundguard
