// See hit_diff_report.h.
#include "exec/hit_diff_report.h"

#include <fmt/format.h>

#include "data/scalar_values.h"
#include "support/json_writer.h"
#include "support/text_table.h"

namespace fundguard {

namespace {

bool listed(const RuleDiff& r) {
  return r.change != RuleChange::Unchanged || r.hitsDiffer();
}

std::string versions(const RuleDiff& r) {
  if (!r.base) return fmt::format("- -> {}", r.current->version);
  if (!r.current) return fmt::format("{} -> -", r.base->version);
  if (r.base->version == r.current->version) return std::to_string(r.current->version);
  return fmt::format("{} -> {}", r.base->version, r.current->version);
}

const std::string& titleOf(const RuleDiff& r) {
  return r.current ? r.current->title : r.base->title;
}

std::string signedMoney(int64_t fen, char sign) {
  return fen == 0 ? std::string("0.00") : sign + formatMoney(fen);
}

// The subject of a hit, as briefly as it can be named: the most specific key it has.
std::string subjectOf(const Hit& h) {
  std::string s;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (!s.empty()) s += ' ';
    s += std::string(name) + "=" + value;
  };
  add("setl_id", h.setlId);
  add("feedetl_sn", h.feedetlSn);
  if (h.setlId.empty()) add("psn_no", h.psnNo);
  if (h.setlId.empty()) add("fixmedins_code", h.fixmedinsCode);
  add("period", h.period);
  return s;
}

std::string amountText(const Hit* h) {
  return h && h->amount ? formatMoney(*h->amount) : std::string("-");
}

std::string changeZh(RuleChange change) {
  switch (change) {
    case RuleChange::Unchanged:
      return "未变";
    case RuleChange::VersionOnly:
      return "仅版本";
    case RuleChange::Changed:
      return "逻辑变更";
    case RuleChange::Added:
      return "新增";
    case RuleChange::Removed:
      return "删除";
  }
  return "?";
}

size_t quiet(const RuleSetDiff& diff) {
  size_t n = 0;
  for (const RuleDiff& r : diff.rules) n += listed(r) ? 0 : 1;
  return n;
}

std::string unbumpedMessage(const RuleDiff& r) {
  return fmt::format("{}: the logic changed (content hash {} -> {}) but the version stayed {}{}", r.id,
                     r.base->contentHash.substr(0, 16), r.current->contentHash.substr(0, 16), r.current->version,
                     r.current->version < r.base->version ? fmt::format(" (lower than {})", r.base->version) : "");
}

}  // namespace

void writeDiffText(std::ostream& out, const RuleSetDiff& diff, const DiffLabels& labels) {
  out << fmt::format("Rules: {} (base) -> {} (new)\nHits:  {} -> {}\n\n", labels.base, labels.current, diff.baseHits,
                     diff.currentHits);
  using A = TextTable::Align;
  TextTable table({"rule", "change", "version", "hits +", "hits -", "changed", "same", "amount +", "amount -", "fund +",
                   "fund -", "title"},
                  {A::Left, A::Left, A::Left, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right, A::Right,
                   A::Right, A::Left});
  auto row = [&](const RuleDiff& r, const std::string& id, const std::string& change, const std::string& version,
                 const std::string& title) {
    table.addRow({id, change, version, std::to_string(r.hitsAdded), std::to_string(r.hitsRemoved),
                  std::to_string(r.hitsChanged), std::to_string(r.hitsUnchanged), signedMoney(r.amountAdded, '+'),
                  signedMoney(r.amountRemoved, '-'), signedMoney(r.fundAdded, '+'), signedMoney(r.fundRemoved, '-'),
                  title});
  };
  for (const RuleDiff& r : diff.rules)
    if (listed(r)) row(r, r.id, ruleChangeName(r.change), versions(r), titleOf(r));
  table.addRule();
  row(diff.total, "total", "", "", "");
  table.write(out);
  if (size_t n = quiet(diff))
    out << fmt::format("\n{} other rule{} unchanged, with the same hits\n", n, n == 1 ? "" : "s");

  for (const RuleDiff& r : diff.rules) {
    if (r.hits.empty() || labels.hitsListed == 0) continue;
    out << "\n" << r.id << ":\n";
    size_t shown = 0;
    for (const HitChange& c : r.hits) {
      if (shown++ == labels.hitsListed) {
        out << fmt::format("  ... and {} more (--format json lists them all)\n", r.hits.size() - labels.hitsListed);
        break;
      }
      const Hit& h = c.current ? *c.current : *c.base;
      char mark = !c.base ? '+' : !c.current ? '-' : '~';
      std::string money = c.base && c.current ? amountText(c.base) + " -> " + amountText(c.current) : amountText(&h);
      out << fmt::format("  {} {}  {}\n", mark, subjectOf(h), money);
    }
  }
  auto unbumped = diff.unbumped();
  if (!unbumped.empty()) {
    out << "\n";
    for (const RuleDiff* r : unbumped) out << "error: " << unbumpedMessage(*r) << "\n";
    out << "  = hint: raise `version:` of a rule whose logic changes, so hits and reports name the new logic\n";
  }
}

void writeDiffJson(std::ostream& out, const RuleSetDiff& diff, const DiffLabels& labels) {
  JsonWriter w(true);
  auto money = [&](int64_t fen) { w.value(formatMoney(fen)); };
  auto optionalMoney = [&](const std::optional<int64_t>& fen) {
    if (fen)
      w.value(formatMoney(*fen));
    else
      w.null();
  };
  auto side = [&](const std::optional<RuleInfo>& info) {
    if (!info) {
      w.null();
      return;
    }
    w.beginObject();
    w.key("version").value(info->version);
    w.key("title").value(info->title);
    w.key("file").value(info->file);
    w.key("content_hash").value(info->contentHash);
    w.endObject();
  };
  auto counts = [&](const RuleDiff& r) {
    w.key("hits_added").value(r.hitsAdded);
    w.key("hits_removed").value(r.hitsRemoved);
    w.key("hits_changed").value(r.hitsChanged);
    w.key("hits_unchanged").value(r.hitsUnchanged);
    w.key("amount_added");
    money(r.amountAdded);
    w.key("amount_removed");
    money(r.amountRemoved);
    w.key("fund_added");
    money(r.fundAdded);
    w.key("fund_removed");
    money(r.fundRemoved);
  };
  auto hit = [&](const Hit* h) {
    if (!h) {
      w.null();
      return;
    }
    w.beginObject();
    w.key("setl_id").value(h->setlId);
    w.key("feedetl_sn").value(h->feedetlSn);
    w.key("psn_no").value(h->psnNo);
    w.key("fixmedins_code").value(h->fixmedinsCode);
    w.key("period").value(h->period);
    w.key("amount");
    optionalMoney(h->amount);
    w.key("fund_amount");
    optionalMoney(h->fundAmount);
    w.key("message").value(h->message);
    w.endObject();
  };
  w.beginObject();
  w.key("base").value(labels.base);
  w.key("new").value(labels.current);
  w.key("base_hits").value(diff.baseHits);
  w.key("new_hits").value(diff.currentHits);
  w.key("totals").beginObject();
  counts(diff.total);
  w.endObject();
  w.key("unbumped").beginArray();
  for (const RuleDiff* r : diff.unbumped()) w.value(r->id);
  w.endArray();
  w.key("rules").beginArray();
  for (const RuleDiff& r : diff.rules) {
    w.beginObject();
    w.key("id").value(r.id);
    w.key("change").value(ruleChangeName(r.change));
    w.key("unbumped").value(r.unbumped);
    w.key("base");
    side(r.base);
    w.key("new");
    side(r.current);
    counts(r);
    w.key("hits").beginArray();
    for (const HitChange& c : r.hits) {
      w.beginObject();
      w.key("change").value(!c.base ? "added" : !c.current ? "removed" : "changed");
      w.key("base");
      hit(c.base);
      w.key("new");
      hit(c.current);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.endObject();
  out << w.str() << "\n";
}

void writeDiffMarkdown(std::ostream& out, const RuleSetDiff& diff, const DiffLabels& labels) {
  // Cells must not break the table: a `|` in a title is escaped, and line breaks become spaces.
  auto cell = [](std::string text) {
    std::string s;
    for (char c : text) {
      if (c == '|')
        s += "\\|";
      else
        s += c == '\n' ? ' ' : c;
    }
    return s;
  };
  out << "### 规则变更对比 Rule-set diff\n\n";
  out << fmt::format("`{}` → `{}` · 命中 hits {} → {}\n\n", cell(labels.base), cell(labels.current), diff.baseHits,
                     diff.currentHits);
  auto unbumped = diff.unbumped();
  if (!unbumped.empty()) {
    out << "> [!CAUTION]\n> 规则逻辑已变更但版本号未提升 Logic changed without a version bump:";
    for (size_t i = 0; i < unbumped.size(); ++i) out << (i ? ", " : " ") << "**" << unbumped[i]->id << "**";
    out << "\n\n";
  }
  out << "| 规则 Rule | 名称 Title | 变更 Change | 版本 Version | 新增命中 Hits + | 减少命中 Hits − | "
         "变化命中 Hits ~ | 新增金额(元) Amount + | 减少金额(元) Amount − | 新增基金(元) Fund + | 减少基金(元) Fund − "
         "|\n";
  out << "|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|\n";
  auto row = [&](const RuleDiff& r, const std::string& id, const std::string& title, const std::string& change,
                 const std::string& version) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", id, cell(title), change, version,
                       r.hitsAdded, r.hitsRemoved, r.hitsChanged, formatMoney(r.amountAdded),
                       formatMoney(r.amountRemoved), formatMoney(r.fundAdded), formatMoney(r.fundRemoved));
  };
  for (const RuleDiff& r : diff.rules) {
    if (!listed(r)) continue;
    std::string change = changeZh(r.change) + " " + ruleChangeName(r.change);
    if (r.unbumped) change += " ⚠️";
    row(r, "`" + r.id + "`", titleOf(r), change, versions(r));
  }
  row(diff.total, "**合计 Total**", "", "", "");
  if (size_t n = quiet(diff))
    out << fmt::format("\n另有 {} 条规则未变、命中相同。 {} other rule{} unchanged, same hits.\n", n, n,
                       n == 1 ? "" : "s");
}

}  // namespace fundguard
