// See rule_manifest.h.
#include "exec/rule_manifest.h"

#include "support/json_writer.h"

namespace fundguard {

void writeManifestJson(std::ostream& out, const std::vector<RuleInfo>& rules, const std::string& ruleSetHash,
                       const std::vector<GivenParam>& given) {
  JsonWriter w(true);
  w.beginObject();
  w.key("rule_set_hash").value(ruleSetHash);
  w.key("rules").beginArray();
  auto date = [&](const std::string& day) {
    if (day.empty())
      w.null();
    else
      w.value(day);
  };
  for (const RuleInfo& rule : rules) {
    w.beginObject();
    w.key("id").value(rule.id);
    w.key("version").value(rule.version);
    w.key("title").value(rule.title);
    w.key("file").value(rule.file);
    w.key("content_hash").value(rule.contentHash);
    w.key("effective_from");
    date(rule.effectiveFrom);
    w.key("effective_to");
    date(rule.effectiveTo);
    w.endObject();
  }
  w.endArray();
  w.key("parameters_given").beginArray();
  for (const GivenParam& p : given) {
    w.beginObject();
    w.key("rule").value(p.rule);
    w.key("name").value(p.name);
    w.key("value").value(p.value);
    w.endObject();
  }
  w.endArray();
  w.endObject();
  out << w.str() << "\n";
}

}  // namespace fundguard
