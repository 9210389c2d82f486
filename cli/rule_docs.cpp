// See rule_docs.h.
#include "rule_docs.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <variant>

#include <fmt/format.h>

#include "exec/run_summary.h"

namespace fundguard::cli {

namespace {

// The areas of the catalogue (shared/rule-catalog.md), in its order, by the folder of the rule.
struct Area {
  const char* folder;
  const char* title;
};
const std::vector<Area>& areas() {
  static const std::vector<Area> kAreas = {
      {"charging", "收费 Charging"},
      {"drugs", "药品耗材与限定支付 Drugs, consumables and restricted payment"},
      {"inpatient", "住院 Inpatient"},
      {"institution", "机构层面筛查 Institution-level screens"},
      {"pharmacy", "定点零售药店 Pharmacies"},
      {"persons", "参保人员与身份 Persons and identity"},
      {"special", "重点领域 Special areas"},
      {"national", "国家医保智能监管规则库模板 National rule-base templates"},
  };
  return kAreas;
}

std::string folderOf(const CheckedRule& r) {
  return std::filesystem::path(r.module->path).parent_path().filename().string();
}

// The catalogue row of a rule id: "CH-04-b" -> "CH-04".
std::string catalogueRow(const std::string& id) {
  size_t dash = id.find('-');
  if (dash == std::string::npos) return id;
  size_t second = id.find('-', dash + 1);
  return second == std::string::npos ? id : id.substr(0, second);
}

const char* scopeText(ScopeKind scope) {
  switch (scope) {
    case ScopeKind::Line:
      return "line 明细";
    case ScopeKind::Claim:
      return "claim 结算";
    case ScopeKind::Person:
      return "person 参保人";
    case ScopeKind::Institution:
      return "institution 机构";
  }
  return "";
}

std::string kindText(const std::string& kind) {
  return kind == "violation" ? "明确违规 violation" : kind == "suspect" ? "疑点 suspect" : kind;
}

// A table cell: no line breaks, no unescaped bars.
std::string cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += ' ';
    else if (c == '|')
      out += "\\|";
    else
      out += c;
  }
  return out;
}

// The comment block that opens the rule's file, as prose: `#` and one space removed from each
// line, the lines of a paragraph joined (Chinese without a space, as it is written), blank
// comment lines kept as paragraph breaks. Stops at the first line that is not a comment.
std::string leadingComment(const std::string& text) {
  std::string out;
  bool inParagraph = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] != '#') break;
    line.erase(0, 1);
    if (!line.empty() && line[0] == ' ') line.erase(0, 1);
    if (line.empty()) {
      if (inParagraph) out += "\n\n";
      inParagraph = false;
      continue;
    }
    // A list item or a line after one starts its own line.
    bool item = line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0;
    if (inParagraph) out += item ? "\n" : (static_cast<unsigned char>(out.back()) >= 0x80 ? "" : " ");
    out += line;
    inParagraph = true;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class Page {
 public:
  Page(const CheckResult& checked) : checked_(checked) {
    for (const CheckedRule& r : checked.rules)
      if (r.module->requested && r.ok) rules_.push_back(&r);
  }

  std::string render(const std::string& evaluation, const std::string& command) {
    header(command);
    catalogueTable();
    out_ += "\n## 自评：召回率与精确率 Self-evaluation: recall and precision\n\n";
    out_ += std::string(kEvaluationBegin) + "\n";
    out_ += evaluation.empty()
                ? "\n(Run `scripts/evaluate --settlements 100000 --seed 1 --update-doc docs/rules.md`.)\n\n"
                : evaluation;
    out_ += std::string(kEvaluationEnd) + "\n";
    for (const Area& area : areas()) section(area.folder, area.title);
    std::vector<std::string> others;
    for (const CheckedRule* r : rules_) {
      std::string folder = folderOf(*r);
      bool known = std::any_of(areas().begin(), areas().end(), [&](const Area& a) { return folder == a.folder; });
      if (!known && std::find(others.begin(), others.end(), folder) == others.end()) others.push_back(folder);
    }
    for (const std::string& folder : others) section(folder, folder);
    return out_;
  }

 private:
  std::string source(Span span) const {
    if (!span.valid()) return "";
    return checked_.program->sources.file(span.file).slice(span.begin, span.end);
  }

  void header(const std::string& command) {
    out_ += "# 规则库 The standard rule library\n\n";
    out_ += fmt::format(
        "Generated from the rules' own metadata, comments and clauses by `{}`; do not edit by hand (a test "
        "checks that this page is current). The self-evaluation section is written by `scripts/evaluate "
        "--update-doc docs/rules.md`. {} rules.\n\n",
        command, rules_.size());
    out_ +=
        "每条规则：中文名称、法律依据（文件、条款与原文）、附表2 类别、性质（明确违规 / 疑点）、严重程度、"
        "筛查范围、生效日期、判定逻辑（规则文件开头的说明）、条件与金额的原文、参数（类型、默认值、含义）、"
        "提示信息模板、测试数。\n";
  }

  void catalogueTable() {
    out_ += "\n## 目录对照 Catalogue rows and their rules\n\n";
    out_ += "| 目录 row | 规则 rules | 名称 title | 范围 scope | 类别 category | 性质 kind |\n";
    out_ += "|---|---|---|---|---|---|\n";
    std::map<std::string, std::vector<const CheckedRule*>> byRow;
    for (const CheckedRule* r : rules_) byRow[catalogueRow(r->decl->id)].push_back(r);
    for (auto& [row, rules] : byRow) {
      // The row's own rule first, then its variants (CH-04, CH-04-b, CH-04-c).
      std::sort(rules.begin(), rules.end(), [](const CheckedRule* a, const CheckedRule* b) {
        const std::string &x = a->decl->id, &y = b->decl->id;
        return x.size() != y.size() ? x.size() < y.size() : x < y;
      });
      std::vector<std::string> ids, titles, scopes, cats, kinds;
      for (const CheckedRule* r : rules) {
        auto add = [](std::vector<std::string>& v, std::string s) {
          if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
        };
        ids.push_back(fmt::format("[{}](#{})", r->decl->id, anchor(*r)));
        add(titles, r->decl->title);
        add(scopes, std::string(scopeText(r->scope)).substr(0, std::string(scopeText(r->scope)).find(' ')));
        add(cats, r->meta.category);
        add(kinds, r->meta.kind);
      }
      out_ += fmt::format("| {} | {} | {} | {} | {} | {} |\n", row, fmt::join(ids, ", "),
                          cell(fmt::format("{}", fmt::join(titles, "；"))), fmt::join(scopes, ", "),
                          fmt::join(cats, ", "), fmt::join(kinds, ", "));
    }
  }

  static std::string anchor(const CheckedRule& r) {
    std::string a = r.decl->id;
    std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return std::tolower(c); });
    return a;
  }

  void section(const std::string& folder, const std::string& title) {
    std::vector<const CheckedRule*> in;
    for (const CheckedRule* r : rules_)
      if (folderOf(*r) == folder) in.push_back(r);
    if (in.empty()) return;
    std::sort(in.begin(), in.end(),
              [](const CheckedRule* a, const CheckedRule* b) { return a->decl->id < b->decl->id; });
    out_ += fmt::format("\n## {}\n", title);
    for (const CheckedRule* r : in) rule(*r);
  }

  void rule(const CheckedRule& r) {
    const RuleMetadata& m = r.meta;
    out_ += fmt::format("\n<a id=\"{}\"></a>\n### {} {}\n\n", anchor(r), r.decl->id, r.decl->title);
    out_ += fmt::format("- 依据 basis: {}", m.basisDocument);
    for (const std::string& q : m.basisQuotes) out_ += fmt::format(" “{}”", q);
    out_ += "\n";
    for (const std::string& s : m.sources) out_ += fmt::format("- 另见 also: {}\n", s);
    std::string_view category = categoryName(m.category);
    out_ += fmt::format("- 附表2 类别 category: {}{}{}; 性质 kind: {}; 严重程度 severity: {}\n", m.category,
                        category.empty() ? "" : " ", category, kindText(m.kind), m.severity);
    out_ += fmt::format("- 范围 scope: {}{}; 生效 effective: {} .. {}; 版本 version: {}; 测试 tests: {}\n",
                        scopeText(r.scope), r.period.empty() ? "" : " per " + r.period,
                        m.effectiveFrom.empty() ? "(open)" : m.effectiveFrom,
                        m.effectiveTo.empty() ? "(open)" : m.effectiveTo, m.version, r.testCount);
    out_ += fmt::format("- 文件 file: `{}`\n", r.module->path);
    std::string words = leadingComment(checked_.program->sources.file(r.module->fileId).text());
    if (!words.empty()) out_ += "\n" + words + "\n";
    // The logic as written: peers, lets, `for each`, the condition and the amounts, in order.
    out_ += "\n```text\n";
    for (const ast::Clause& c : r.decl->clauses) {
      bool logic = std::holds_alternative<ast::LetClause>(c.body) ||
                   std::holds_alternative<ast::ForEachClause>(c.body) ||
                   std::holds_alternative<ast::PeersClause>(c.body);
      if (const auto* e = std::get_if<ast::ExprClause>(&c.body))
        logic = e->which == ast::ExprClauseKind::When || e->which == ast::ExprClauseKind::Amount ||
                e->which == ast::ExprClauseKind::Fund;
      if (logic) out_ += source(c.span) + "\n";
    }
    out_ += "```\n";
    if (!r.params.empty()) {
      out_ += "\n| 参数 parameter | 类型 type | 默认 default | 含义 meaning |\n|---|---|---|---|\n";
      for (const CheckedParam& p : r.params)
        out_ += fmt::format("| {} | {} | {} | {} |\n", p.name, cell(p.type.str()),
                            cell(p.defaultValue ? source(p.defaultValue->span) : ""), cell(p.label));
    }
    if (r.logic.message) out_ += fmt::format("\n提示信息 message: {}\n", r.logic.message->text);
  }

  const CheckResult& checked_;
  std::vector<const CheckedRule*> rules_;
  std::string out_;
};

}  // namespace

std::string rulesMarkdown(const CheckResult& checked, const std::string& evaluation, const std::string& command) {
  return Page(checked).render(evaluation, command);
}

std::string evaluationSection(const std::string& page) {
  size_t begin = page.find(kEvaluationBegin);
  if (begin == std::string::npos) return "";
  begin += std::string(kEvaluationBegin).size() + 1;  // and its line end
  size_t end = page.find(kEvaluationEnd, begin);
  if (end == std::string::npos || begin > end) return "";
  return page.substr(begin, end - begin);
}

}  // namespace fundguard::cli
