// See hit_sink.h.
#include "exec/hit_sink.h"

#include <string>

#include "data/scalar_values.h"
#include "support/csv_writer.h"
#include "support/json_writer.h"

namespace fundguard {

namespace {

std::string money(const std::optional<int64_t>& fen) {
  return fen ? formatMoney(*fen) : std::string();
}

std::string joinRows(const std::vector<RowRef>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) out += ';';
    out += rows[i].table;
    out += ':';
    out += rows[i].key;
  }
  return out;
}

std::string joinEvidence(const std::vector<std::pair<std::string, std::string>>& evidence) {
  std::string out;
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (i) out += "; ";
    out += evidence[i].first;
    out += '=';
    out += evidence[i].second;
  }
  return out;
}

void writeRows(JsonWriter& w, const std::vector<RowRef>& rows) {
  w.beginArray();
  for (const auto& r : rows) w.beginObject().key("table").value(r.table).key("key").value(r.key).endObject();
  w.endArray();
}

void writeMoney(JsonWriter& w, const std::optional<int64_t>& fen) {
  if (fen)
    w.value(formatMoney(*fen));
  else
    w.null();
}

}  // namespace

std::string shortHash(const RuleInfo& rule) {
  return rule.contentHash.substr(0, 16);
}

CsvHitSink::CsvHitSink(std::ostream& out, const std::vector<RuleInfo>& rules) : out_(out), rules_(rules) {
  std::string header;
  appendCsvRecord(header, {"rule_id", "rule_version", "rule_hash", "rule_title", "category", "kind", "severity",
                           "setl_id", "feedetl_sn", "psn_no", "fixmedins_code", "period", "amount", "fund_amount",
                           "violating", "involved", "message", "evidence"});
  out_ << header;
}

void CsvHitSink::write(const Hit& hit) {
  const RuleInfo& rule = rules_.at(hit.rule);
  std::string record;
  appendCsvRecord(record, {rule.id, std::to_string(rule.version), shortHash(rule), rule.title, rule.category, rule.kind,
                           rule.severity, hit.setlId, hit.feedetlSn, hit.psnNo, hit.fixmedinsCode, hit.period,
                           money(hit.amount), money(hit.fundAmount), joinRows(hit.violating), joinRows(hit.involved),
                           hit.message, joinEvidence(hit.evidence)});
  out_ << record;
}

void CsvHitSink::finish() {
  out_.flush();
}

JsonLinesHitSink::JsonLinesHitSink(std::ostream& out, const std::vector<RuleInfo>& rules) : out_(out), rules_(rules) {}

void JsonLinesHitSink::write(const Hit& hit) {
  const RuleInfo& rule = rules_.at(hit.rule);
  JsonWriter w;
  w.beginObject();
  w.key("rule_id").value(rule.id);
  w.key("rule_version").value(rule.version);
  w.key("rule_hash").value(shortHash(rule));
  w.key("rule_title").value(rule.title);
  w.key("category").value(rule.category);
  w.key("kind").value(rule.kind);
  w.key("severity").value(rule.severity);
  w.key("setl_id").value(hit.setlId);
  w.key("feedetl_sn").value(hit.feedetlSn);
  w.key("psn_no").value(hit.psnNo);
  w.key("fixmedins_code").value(hit.fixmedinsCode);
  w.key("period").value(hit.period);
  w.key("amount");
  writeMoney(w, hit.amount);
  w.key("fund_amount");
  writeMoney(w, hit.fundAmount);
  w.key("violating");
  writeRows(w, hit.violating);
  w.key("involved");
  writeRows(w, hit.involved);
  w.key("message").value(hit.message);
  w.key("evidence").beginObject();
  for (const auto& [name, value] : hit.evidence) w.key(name).value(value);
  w.endObject();
  w.endObject();
  out_ << w.str() << '\n';
}

void JsonLinesHitSink::finish() {
  out_.flush();
}

std::unique_ptr<HitSink> makeHitSink(HitFormat format, std::ostream& out, const std::vector<RuleInfo>& rules) {
  switch (format) {
    case HitFormat::Csv:
      return std::make_unique<CsvHitSink>(out, rules);
    case HitFormat::JsonLines:
      return std::make_unique<JsonLinesHitSink>(out, rules);
  }
  return nullptr;
}

}  // namespace fundguard
