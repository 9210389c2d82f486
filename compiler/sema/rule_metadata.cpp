// Reading a rule's metadata (version, basis, category, kind, severity, effective dates, ...):
// each value checked, misspelt keys suggested, missing ones listed together.
#include "sema/rule_metadata.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "data/scalar_values.h"

namespace fundguard {

using namespace ast;

namespace {

const std::vector<std::string>& metadataKeys() {
  static const std::vector<std::string> keys = {"title", "version",  "basis",     "source", "category",
                                                "kind",  "severity", "effective", "tags",   "description"};
  return keys;
}

const std::vector<std::string>& requiredMetadata() {
  static const std::vector<std::string> keys = {"version", "basis", "category", "kind", "severity"};
  return keys;
}

}  // namespace

RuleMetadata readMetadata(const RuleDecl& rule, DiagnosticSink& diags) {
  RuleMetadata result;
  std::map<std::string, Span> seen;
  result.title = rule.title;
  for (const auto& clause : rule.clauses) {
    const auto* meta = std::get_if<MetaClause>(&clause.body);
    if (!meta) continue;
    const std::string& key = meta->key.name;
    if (std::find(metadataKeys().begin(), metadataKeys().end(), key) == metadataKeys().end()) {
      std::string hint = didYouMean(key, metadataKeys());
      // A misspelt key is reported once, here, and not again as missing.
      if (std::string guess = closestMatch(key, metadataKeys()); !guess.empty()) seen.emplace(guess, meta->key.span);
      diags.report(
          DiagCode::FG4002, meta->key.span, fmt::format("unknown metadata `{}`", key),
          hint.empty()
              ? "metadata are title, version, basis, source, category, kind, severity, effective, tags, description"
              : hint);
      continue;
    }
    if (auto [it, inserted] = seen.emplace(key, meta->key.span); !inserted) {
      auto& d = diags.report(DiagCode::FG4004, meta->key.span, fmt::format("`{}` is given twice", key), "keep one");
      d.notes.push_back({it->second, "first given here"});
      continue;
    }
    const auto& values = meta->values;
    auto bad = [&](const std::string& message, const std::string& hint) {
      diags.report(DiagCode::FG4003, values.empty() ? meta->key.span : values.front().span, message, hint);
    };
    auto single = [&](MetaValue::Kind kind) { return values.size() == 1 && values[0].kind == kind; };
    if (key == "version") {
      auto number = single(MetaValue::Kind::Literal) && values[0].literal == LiteralKind::Int ? parseInt(values[0].text)
                                                                                              : Parsed<int64_t>{};
      if (!number || *number.value < 1 || *number.value > 1000000) {
        bad("the version is a whole number from 1", "write `version: 1`, and add one on every change of logic");
      } else {
        result.version = static_cast<int>(*number.value);
      }
    } else if (key == "title" || key == "description") {
      if (!single(MetaValue::Kind::Literal) || values[0].literal != LiteralKind::String || values[0].text.empty())
        bad(fmt::format("`{}` is a text in quotes, not empty", key), "");
      else if (key == "title")
        result.title = values[0].text;
    } else if (key == "source" || key == "tags") {
      bool ok = !values.empty();
      for (const auto& v : values)
        ok &= (v.kind == MetaValue::Kind::Literal && v.literal == LiteralKind::String) || key == "tags";
      if (!ok)
        bad(fmt::format("`{}` is one or more texts in quotes", key), "");
      else if (key == "source")
        for (const auto& v : values) result.sources.push_back(v.text);
    } else if (key == "basis") {
      bool ok = !values.empty();
      for (const auto& v : values)
        ok &= v.kind == MetaValue::Kind::Literal && v.literal == LiteralKind::String && !v.text.empty();
      if (!ok) {
        bad("the basis is the document and article, then the quoted text, each in quotes",
            "write `basis: \"苏医保发〔2020〕40号 附件2 第9条\" \"原文……\"`");
      } else {
        result.basisDocument = values[0].text;
        for (size_t i = 1; i < values.size(); ++i) result.basisQuotes.push_back(values[i].text);
      }
    } else if (key == "category") {
      static const std::vector<std::string> cats = {"C1", "C2", "C3", "C4", "C5", "C6"};
      if (!single(MetaValue::Kind::Word) || std::find(cats.begin(), cats.end(), values[0].text) == cats.end())
        bad("the category is a row of 附表2: C1 to C6",
            "C1 未达住院指征住院, C2 挂名住院, C3 伪造医疗文书, C4 虚构医药服务项目, C5 串换药品耗材和诊疗项目, C6 "
            "其他");
      else
        result.category = values[0].text;
    } else if (key == "kind") {
      static const std::map<std::string, std::string> kinds = {
          {"violation", "violation"}, {"suspect", "suspect"}, {"违规", "violation"}, {"疑点", "suspect"}};
      auto it = single(MetaValue::Kind::Word) ? kinds.find(values[0].text) : kinds.end();
      if (it == kinds.end())
        bad("the kind is `violation` (违规) or `suspect` (疑点)",
            values.empty() ? std::string() : didYouMean(values[0].text, {"violation", "suspect"}));
      else
        result.kind = it->second;
    } else if (key == "severity") {
      static const std::map<std::string, std::string> levels = {{"high", "high"}, {"medium", "medium"}, {"low", "low"},
                                                                {"高", "high"},   {"中", "medium"},     {"低", "low"}};
      auto it = single(MetaValue::Kind::Word) ? levels.find(values[0].text) : levels.end();
      if (it == levels.end())
        bad("the severity is `high`, `medium` or `low` (高/中/低)",
            values.empty() ? std::string() : didYouMean(values[0].text, {"high", "medium", "low"}));
      else
        result.severity = it->second;
    } else if (key == "effective") {
      // A lone date is refused rather than guessed: "from that day" and "that day only" are both
      // plausible readings, and the difference decides which settlements the rule screens.
      if (values.size() == 1 && values[0].kind == MetaValue::Kind::Literal && values[0].literal == LiteralKind::Date) {
        diags.report(DiagCode::FG4011, values[0].span, "a single date does not say how long the rule applies",
                     fmt::format("write `effective: {} ..` (from that day on) or `effective: {} .. {}` (that day only)",
                                 values[0].text, values[0].text, values[0].text));
        continue;
      }
      bool shape = values.size() == 1 && values[0].kind == MetaValue::Kind::DateRange;
      if (!shape) {
        bad("`effective` is a date range", "write `effective: 2020-01-01 ..` or `effective: 2020-01-01 .. 2025-12-31`");
        continue;
      }
      const MetaValue& v = values[0];
      auto from = parseDate(v.text);
      auto to = v.rangeEnd.empty() ? Parsed<int32_t>{} : parseDate(v.rangeEnd);
      if (!from) {
        diags.report(DiagCode::FG4011, v.span, from.error, "write a real calendar day as YYYY-MM-DD");
      } else if (!v.rangeEnd.empty() && !to) {
        diags.report(DiagCode::FG4011, v.span, to.error, "write a real calendar day as YYYY-MM-DD");
      } else if (!v.rangeEnd.empty() && *to.value < *from.value) {
        diags.report(DiagCode::FG4011, v.span,
                     fmt::format("the rule ends ({}) before it begins ({})", v.rangeEnd, v.text), "swap the dates");
      } else {
        result.effectiveFrom = v.text;
        result.effectiveTo = v.kind == MetaValue::Kind::DateRange ? v.rangeEnd : v.text;
      }
    }
  }
  if (rule.syntaxErrors) return result;  // what looks missing may be in the part that did not parse
  std::vector<std::string> missing;
  for (const auto& key : requiredMetadata())
    if (!seen.count(key)) missing.push_back("`" + key + "`");
  if (result.title.empty() && !seen.count("title")) missing.push_back("a title");
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + missing[i];
    diags.report(DiagCode::FG4001, rule.idSpan.valid() ? rule.idSpan : rule.span,
                 fmt::format("rule \"{}\" lacks {}", rule.id, list),
                 "every rule states version, basis, category, kind and severity, and has a title: "
                 "rule \"ID\" \"标题\" { version: 1 ... }");
  }
  return result;
}

}  // namespace fundguard
