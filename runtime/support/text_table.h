// A plain-text table for terminal reports: columns aligned by display width, so headings and
// values in Chinese (two columns per character) line up with ASCII ones.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace fundguard {

class TextTable {
 public:
  enum class Align { Left, Right };

  // One heading and alignment per column; every row must have as many cells.
  TextTable(std::vector<std::string> headings, std::vector<Align> aligns);

  void addRow(std::vector<std::string> cells);
  // A dashed line across the table, e.g. above a total row.
  void addRule();

  // Writes the heading, a dashed line under it and the rows, each line indented by `indent`
  // spaces, columns separated by two spaces, no trailing spaces.
  void write(std::ostream& out, int indent = 2) const;

 private:
  std::vector<std::string> headings_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;  // an empty row stands for a dashed rule
};

}  // namespace fundguard
