// The hits as the national platform's screening interface gives them (国家医疗保障信息平台,
// 智能监管 明细审核 results): one JSON object per hit per line, with the interface's field names,
// and the violating (违规项) and related (涉及项) rows as its detail list. docs/national-export.md
// documents every field and how it is filled.
//
//   jr_id            违规标识: RULE@VERSION#N, N counting the run's hits from 1 (hits are sorted)
//   task_id          任务标识: the rule set's hash (the same rules and data give the same ids)
//   rule_id          规则编码            rule_name  规则名称
//   rule_hash        the rule's content hash, 16 hex digits (not an interface field: FundGuard's own)
//   vola_cont        违规内容 (the rule's message with its values filled in)
//   patn_id          患者 (psn_no)       mdtrt_id   就诊/结算 (setl_id)
//   fixmedins_code   定点医药机构编号     period     期间 (institution rules)
//   vola_amt         违规金额 (涉及医疗费用金额, yuan text)   vola_fund_amt  其中医保基金
//   vola_amt_stas    违规金额状态: "1" computed by the rule, "0" the rule gives no amount
//   sev_deg          严重程度: "明确" (kind violation) or "可疑" (kind suspect)
//   sev_lv           the rule's own severity: high | medium | low
//   vola_evid        违规依据: the rule's basis, document and article, then the quoted text
//   vola_bhvr_type   违规行为分类: the 附表2 category, code and name ("C6 其他违约违规违法及欺诈骗保")
//   judge_result_detail_dlist  [{jr_detl_id, vola_item_type ("违规项" | "涉及项"), table, key}]
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "exec/hit_sink.h"

namespace fundguard {

class NationalHitSink : public HitSink {
 public:
  NationalHitSink(std::ostream& out, const std::vector<RuleInfo>& rules, std::string taskId);
  void write(const Hit& hit) override;
  void finish() override;

 private:
  std::ostream& out_;
  const std::vector<RuleInfo>& rules_;
  std::string taskId_;
  uint64_t written_ = 0;
};

}  // namespace fundguard
