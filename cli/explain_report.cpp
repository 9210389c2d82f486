// See explain_report.h.
#include "explain_report.h"

#include "data/scalar_values.h"
#include "support/json_writer.h"

namespace fundguard::cli {

using engine::ExplainedCondition;
using engine::ExplainedDecision;
using engine::ExplainedSubject;
using engine::ExplainedTerm;
using engine::Explanation;

namespace {

// One label in the languages asked for: "条件 conditions", "条件" or "conditions".
class Labels {
 public:
  explicit Labels(Lang lang) : lang_(lang) {}
  std::string operator()(const char* zh, const char* en) const {
    switch (lang_) {
      case Lang::Zh:
        return zh;
      case Lang::En:
        return en;
      case Lang::Both:
        break;
    }
    return std::string(zh) + " " + en;
  }

 private:
  Lang lang_;
};

std::string valueText(const ExplainedTerm& t, const Labels& L) {
  return t.present ? t.value : L("（缺失）", "(missing)");
}

std::string truthText(const std::string& v, const Labels& L) {
  if (v == "true") return "✓ " + L("成立", "true");
  if (v == "false") return "✗ " + L("不成立", "false");
  return "? " + L("无法判定（缺数据）", "unknown (missing data)");
}

std::string keysText(const engine::SubjectKeys& k) {
  std::string out;
  auto add = [&](const char* name, const std::string& v) {
    if (v.empty()) return;
    if (!out.empty()) out += ", ";
    out += std::string(name) + " " + v;
  };
  add("feedetl_sn", k.feedetlSn);
  add("setl_id", k.setlId);
  add("psn_no", k.psnNo);
  add("fixmedins_code", k.fixmedinsCode);
  add("period", k.period);
  return out;
}

std::string money(const std::optional<int64_t>& fen) {
  return fen ? formatMoney(*fen) : "-";
}

void decisionText(std::ostream& out, const ExplainedDecision& d, size_t n, const Labels& L) {
  out << "  [" << n << "]";
  if (!d.element.empty()) out << " " << L("元素", "element") << ": " << d.element;
  out << "\n";
  for (const ExplainedTerm& t : d.loopLets) out << "      " << t.source << "  →  " << valueText(t, L) << "\n";
  out << "      " << L("条件", "conditions") << ":\n";
  for (const ExplainedCondition& c : d.conditions) {
    out << "        " << truthText(c.value, L) << "   " << c.source << "\n";
    for (const ExplainedTerm& t : c.operands) out << "            " << t.source << "  →  " << valueText(t, L) << "\n";
  }
  out << "      " << L("结论", "result") << ": ";
  if (d.outcome == "hit") {
    out << L("命中", "HIT") << "  " << L("涉及金额", "amount") << " " << money(d.hit ? d.hit->amount : std::nullopt)
        << ", " << L("其中医保基金", "fund") << " " << money(d.hit ? d.hit->fundAmount : std::nullopt) << "\n";
    if (d.hit) out << "      " << L("提示信息", "message") << ": " << d.hit->message << "\n";
    return;
  }
  const char* want = d.outcome == "no_hit" ? "false" : "unknown";
  const ExplainedCondition* first = nullptr;
  for (const ExplainedCondition& c : d.conditions)
    if (c.value == want && !first) first = &c;
  if (d.outcome == "no_hit")
    out << L("未命中", "no hit");
  else
    out << L("无法判定（无数据，不等于通过）", "undecided (no data: not a pass)");
  if (first) out << " — " << L("因为", "because") << " " << first->source;
  out << "\n";
}

}  // namespace

void writeExplanationText(std::ostream& out, const Explanation& e, Lang lang) {
  Labels L(lang);
  auto scopeText = [&](const std::string& scope) {
    if (scope == "line") return L("明细", "line");
    if (scope == "claim") return L("结算", "claim");
    if (scope == "person") return L("参保人", "person");
    if (scope == "institution") return L("机构", "institution");
    return scope;
  };
  std::string kind = e.kind == "violation" ? L("明确违规", "violation") : L("疑点", "suspect");
  out << L("规则", "rule") << ": " << e.ruleId << "@" << e.version << " " << e.title << "  (" << scopeText(e.scope)
      << ", " << kind << ")\n";
  out << L("文件", "file") << ": " << e.file << "\n";
  if (!e.params.empty()) {
    out << "\n" << L("生效参数", "parameters in force") << ":\n";
    for (const auto& p : e.params)
      out << "  " << p.name << " (" << p.type << ") = " << p.value << "  "
          << (p.given ? L("本次设定", "given for this run") : L("默认值", "default")) << "  — " << p.label << "\n";
  }
  for (const ExplainedSubject& s : e.subjects) {
    out << "\n" << L("记录", "record") << ": " << keysText(s.keys) << "\n";
    if (!s.lets.empty()) {
      out << "  " << L("计算值", "values") << ":\n";
      for (const ExplainedTerm& t : s.lets) out << "    " << t.source << "  →  " << valueText(t, L) << "\n";
    }
    if (!s.rows.empty()) {
      out << "  " << L("查到的参考数据", "reference rows looked up") << ":\n";
      for (const auto& r : s.rows) {
        out << "    " << r.table << " " << (r.key.empty() ? L("（未找到）", "(not found)") : r.key) << ":";
        for (const auto& [name, value] : r.columns) out << " " << name << "=" << value;
        out << "\n";
      }
    }
    size_t n = 0;
    for (const ExplainedDecision& d : s.decisions) decisionText(out, d, ++n, L);
  }
}

void writeExplanationJson(std::ostream& out, const Explanation& e) {
  JsonWriter w(true);
  auto term = [&](const ExplainedTerm& t) {
    w.beginObject();
    w.key("expression").value(t.source);
    w.key("value");
    if (t.present)
      w.value(t.value);
    else
      w.null();
    w.endObject();
  };
  w.beginObject();
  w.key("rule").value(e.ruleId);
  w.key("version").value(e.version);
  w.key("title").value(e.title);
  w.key("scope").value(e.scope);
  w.key("kind").value(e.kind);
  w.key("file").value(e.file);
  w.key("parameters").beginArray();
  for (const auto& p : e.params) {
    w.beginObject();
    w.key("name").value(p.name);
    w.key("type").value(p.type);
    w.key("value").value(p.value);
    w.key("source").value(p.given ? "given" : "default");
    w.key("meaning").value(p.label);
    w.endObject();
  }
  w.endArray();
  w.key("records").beginArray();
  for (const ExplainedSubject& s : e.subjects) {
    w.beginObject();
    w.key("setl_id").value(s.keys.setlId);
    w.key("feedetl_sn").value(s.keys.feedetlSn);
    w.key("psn_no").value(s.keys.psnNo);
    w.key("fixmedins_code").value(s.keys.fixmedinsCode);
    w.key("period").value(s.keys.period);
    w.key("values").beginArray();
    for (const ExplainedTerm& t : s.lets) term(t);
    w.endArray();
    w.key("reference_rows").beginArray();
    for (const auto& r : s.rows) {
      w.beginObject();
      w.key("table").value(r.table);
      w.key("key");
      if (r.key.empty())
        w.null();
      else
        w.value(r.key);
      w.key("columns").beginObject();
      for (const auto& [name, value] : r.columns) w.key(name).value(value);
      w.endObject();
      w.endObject();
    }
    w.endArray();
    w.key("decisions").beginArray();
    for (const ExplainedDecision& d : s.decisions) {
      w.beginObject();
      w.key("element").value(d.element);
      w.key("loop_values").beginArray();
      for (const ExplainedTerm& t : d.loopLets) term(t);
      w.endArray();
      w.key("conditions").beginArray();
      for (const ExplainedCondition& c : d.conditions) {
        w.beginObject();
        w.key("expression").value(c.source);
        w.key("value").value(c.value);
        w.key("operands").beginArray();
        for (const ExplainedTerm& t : c.operands) term(t);
        w.endArray();
        w.endObject();
      }
      w.endArray();
      w.key("outcome").value(d.outcome);
      w.key("amount");
      if (d.hit && d.hit->amount)
        w.value(formatMoney(*d.hit->amount));
      else
        w.null();
      w.key("fund_amount");
      if (d.hit && d.hit->fundAmount)
        w.value(formatMoney(*d.hit->fundAmount));
      else
        w.null();
      w.key("message");
      if (d.hit)
        w.value(d.hit->message);
      else
        w.null();
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.endObject();
  out << w.str() << "\n";
}

}  // namespace fundguard::cli
