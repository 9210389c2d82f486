// See national_hit_sink.h.
#include "exec/national_hit_sink.h"

#include "data/scalar_values.h"
#include "exec/run_summary.h"
#include "support/json_writer.h"

namespace fundguard {

NationalHitSink::NationalHitSink(std::ostream& out, const std::vector<RuleInfo>& rules, std::string taskId)
    : out_(out), rules_(rules), taskId_(std::move(taskId)) {}

void NationalHitSink::write(const Hit& hit) {
  const RuleInfo& rule = rules_.at(hit.rule);
  std::string jrId = rule.id + "@" + std::to_string(rule.version) + "#" + std::to_string(++written_);
  JsonWriter w;
  w.beginObject();
  w.key("jr_id").value(jrId);
  w.key("task_id").value(taskId_);
  w.key("rule_id").value(rule.id);
  w.key("rule_name").value(rule.title);
  w.key("rule_hash").value(shortHash(rule));
  w.key("vola_cont").value(hit.message);
  w.key("patn_id").value(hit.psnNo);
  w.key("mdtrt_id").value(hit.setlId);
  w.key("fixmedins_code").value(hit.fixmedinsCode);
  w.key("period").value(hit.period);
  w.key("vola_amt").value(hit.amount ? formatMoney(*hit.amount) : "");
  w.key("vola_fund_amt").value(hit.fundAmount ? formatMoney(*hit.fundAmount) : "");
  w.key("vola_amt_stas").value(hit.amount ? "1" : "0");
  w.key("sev_deg").value(rule.kind == "violation" ? "明确" : "可疑");
  w.key("sev_lv").value(rule.severity);
  w.key("vola_evid").value(rule.basis);
  std::string type = rule.category;
  std::string_view name = categoryName(rule.category);
  if (!name.empty()) type += " " + std::string(name);
  w.key("vola_bhvr_type").value(type);
  w.key("judge_result_detail_dlist").beginArray();
  uint64_t detail = 0;
  auto details = [&](const std::vector<RowRef>& rows, const char* itemType) {
    for (const RowRef& r : rows) {
      w.beginObject();
      w.key("jr_detl_id").value(jrId + "." + std::to_string(++detail));
      w.key("vola_item_type").value(itemType);
      w.key("table").value(r.table);
      w.key("key").value(r.key);
      w.endObject();
    }
  };
  details(hit.violating, "违规项");
  details(hit.involved, "涉及项");
  w.endArray();
  w.endObject();
  out_ << w.str() << '\n';
}

void NationalHitSink::finish() {
  out_.flush();
}

}  // namespace fundguard
