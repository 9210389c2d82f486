// Where hits go: a sink lays each hit out as one CSV record or one JSON Lines object. The
// engine sorts hits (hit_order.h) before writing them, so a sink only formats; sinks are not
// thread-safe and are fed from one thread.
//
// Fields, in this order, in both formats:
//   rule_id, rule_version, rule_hash, rule_title, category, kind, severity,
//   setl_id, feedetl_sn, psn_no, fixmedins_code, period,
//   amount, fund_amount, violating, involved, message, evidence
// Money is yuan text with exactly two decimals ("1234.50"); an absent amount is an empty CSV
// field or JSON null. JSON keeps money as a string so no reader turns it into binary floating
// point. A subject key that does not apply is an empty string in both formats. rule_hash is the
// first 16 hex digits of the rule's content hash (compiler/ir/rule_hash.h; the whole hash is in
// the run's manifest.json): the exact logic that made the hit.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "exec/hit.h"

namespace fundguard {

class HitSink {
 public:
  virtual ~HitSink() = default;
  // Lays out one hit. Hit::rule must index the RuleInfo list the sink was made with.
  virtual void write(const Hit& hit) = 0;
  // Flushes the stream; call once after the last hit.
  virtual void finish() = 0;
};

// CSV: UTF-8 without BOM, a header row (written on construction, so a run with no hits still
// has one), RFC 4180 quoting, LF line ends. violating / involved are "table:key" joined by ';',
// evidence is "name=value" joined by "; ".
class CsvHitSink : public HitSink {
 public:
  CsvHitSink(std::ostream& out, const std::vector<RuleInfo>& rules);
  void write(const Hit& hit) override;
  void finish() override;

 private:
  std::ostream& out_;
  const std::vector<RuleInfo>& rules_;
};

// JSON Lines: one object per hit per line, keys in the order above. violating / involved are
// arrays of {"table","key"}; evidence is an object whose keys keep the rule's order.
class JsonLinesHitSink : public HitSink {
 public:
  JsonLinesHitSink(std::ostream& out, const std::vector<RuleInfo>& rules);
  void write(const Hit& hit) override;
  void finish() override;

 private:
  std::ostream& out_;
  const std::vector<RuleInfo>& rules_;
};

// The rule hash a hit carries: the first 16 hex digits of the rule's content hash.
std::string shortHash(const RuleInfo& rule);

enum class HitFormat { Csv, JsonLines };

// The sink for a format. `out` and `rules` must outlive it.
std::unique_ptr<HitSink> makeHitSink(HitFormat format, std::ostream& out, const std::vector<RuleInfo>& rules);

}  // namespace fundguard
