// See xlsx_report.h.
#include "exec/xlsx_report.h"

#include <xlsxwriter.h>

#include <algorithm>

#include "data/scalar_values.h"
#include "support/display_width.h"

namespace fundguard {

namespace {

constexpr lxw_row_t kMaxSheetRows = 1048576;

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* heading = nullptr;
  lxw_format* money = nullptr;
  lxw_format* moneyTotal = nullptr;
  lxw_format* total = nullptr;
  lxw_format* note = nullptr;
};

Formats makeFormats(lxw_workbook* wb) {
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 12);
  f.heading = workbook_add_format(wb);
  format_set_bold(f.heading);
  format_set_bg_color(f.heading, 0xDDEBF7);
  format_set_border(f.heading, LXW_BORDER_THIN);
  f.money = workbook_add_format(wb);
  format_set_num_format(f.money, "#,##0.00");
  f.moneyTotal = workbook_add_format(wb);
  format_set_num_format(f.moneyTotal, "#,##0.00");
  format_set_bold(f.moneyTotal);
  format_set_top(f.moneyTotal, LXW_BORDER_THIN);
  f.total = workbook_add_format(wb);
  format_set_bold(f.total);
  format_set_top(f.total, LXW_BORDER_THIN);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  format_set_font_color(f.note, 0x595959);
  return f;
}

double yuan(int64_t fen) {
  return static_cast<double>(fen) / 100.0;
}

// Column widths from the widest text (display width: a Chinese character counts two).
void fitColumns(lxw_worksheet* ws, const std::vector<size_t>& widths) {
  for (size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<size_t>(widths[c] + 2, 60)), nullptr);
}

void writeTable(lxw_worksheet* ws, const ReportTable& t, const Formats& f) {
  std::vector<size_t> widths(t.headings.size(), 8);
  worksheet_write_string(ws, 0, 0, t.title.c_str(), f.title);
  for (size_t c = 0; c < t.headings.size(); ++c) {
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), t.headings[c].c_str(), f.heading);
    widths[c] = std::max(widths[c], static_cast<size_t>(terminalWidth(t.headings[c])));
  }
  lxw_row_t row = 3;
  for (size_t r = 0; r < t.rows.size(); ++r, ++row) {
    bool total = t.totalRow && r + 1 == t.rows.size();
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const ReportCell& cell = t.rows[r][c];
      auto col = static_cast<lxw_col_t>(c);
      switch (cell.kind) {
        case ReportCell::Kind::Text:
          worksheet_write_string(ws, row, col, cell.text.c_str(), total ? f.total : nullptr);
          widths[c] = std::max(widths[c], static_cast<size_t>(terminalWidth(cell.text)));
          break;
        case ReportCell::Kind::Count:
          worksheet_write_number(ws, row, col, static_cast<double>(cell.number), total ? f.total : nullptr);
          break;
        case ReportCell::Kind::Money:
          worksheet_write_number(ws, row, col, yuan(cell.number), total ? f.moneyTotal : f.money);
          widths[c] = std::max(widths[c], formatMoney(cell.number).size() + 3);
          break;
      }
    }
  }
  ++row;
  for (const std::string& note : t.notes) worksheet_write_string(ws, row++, 0, note.c_str(), f.note);
  fitColumns(ws, widths);
  worksheet_freeze_panes(ws, 3, 0);
}

void writeHits(lxw_worksheet* ws, const std::vector<Hit>& hits, const std::vector<RuleInfo>& rules, const Formats& f) {
  const std::vector<std::string> headings = {
      "规则编号",         "规则名称", "附表2类别",        "性质", "结算ID",
      "明细流水号",       "人员编号", "定点医药机构编号", "期间", "涉及医疗费用金额(元)",
      "其中医保基金(元)", "提示信息"};
  for (size_t c = 0; c < headings.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headings[c].c_str(), f.heading);
  size_t room = kMaxSheetRows - 2;  // the heading, and the line that says hits were left out
  size_t shown = std::min(hits.size(), room);
  for (size_t i = 0; i < shown; ++i) {
    const Hit& h = hits[i];
    const RuleInfo& r = rules.at(h.rule);
    auto row = static_cast<lxw_row_t>(i + 1);
    const std::string* texts[] = {&r.id,        &r.title, &r.category,      nullptr,  &h.setlId,
                                  &h.feedetlSn, &h.psnNo, &h.fixmedinsCode, &h.period};
    for (lxw_col_t c = 0; c < 9; ++c) {
      if (c == 3)
        worksheet_write_string(ws, row, c, r.kind == "violation" ? "明确违规" : "疑点", nullptr);
      else if (!texts[c]->empty())
        worksheet_write_string(ws, row, c, texts[c]->c_str(), nullptr);
    }
    if (h.amount) worksheet_write_number(ws, row, 9, yuan(*h.amount), f.money);
    if (h.fundAmount) worksheet_write_number(ws, row, 10, yuan(*h.fundAmount), f.money);
    worksheet_write_string(ws, row, 11, h.message.c_str(), nullptr);
  }
  if (shown < hits.size()) {
    std::string note = "工作表行数已满：其余 " + std::to_string(hits.size() - shown) + " 条命中见 hits.csv";
    worksheet_write_string(ws, static_cast<lxw_row_t>(shown + 1), 0, note.c_str(), f.note);
  }
  fitColumns(ws, {10, 20, 10, 8, 18, 18, 16, 16, 8, 14, 14, 60});
  worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

bool writeXlsxReport(const std::string& path, const std::vector<ReportTable>& tables, const std::vector<Hit>& hits,
                     const std::vector<RuleInfo>& rules, std::string& error) {
  // Rows go out in order, so the workbook can stream them to disk: memory stays flat with
  // a million hits.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) {
    error = "cannot create " + path;
    return false;
  }
  Formats f = makeFormats(wb);
  for (const ReportTable& t : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
    if (ws) writeTable(ws, t, f);
  }
  if (lxw_worksheet* ws = workbook_add_worksheet(wb, "命中明细")) writeHits(ws, hits, rules, f);
  lxw_error result = workbook_close(wb);
  if (result != LXW_NO_ERROR) {
    error = "cannot write " + path + ": " + lxw_strerror(result);
    return false;
  }
  return true;
}

}  // namespace fundguard
