// See screening.h.
#include "engine/screening.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "data/scalar_values.h"
#include "engine/bound_data.h"
#include "engine/rule_runner.h"
#include "engine/subjects.h"
#include "exec/hit_order.h"
#include "ir/rule_hash.h"
#include "jit/compiled_rules.h"
#include "jit/jit_screening.h"

namespace fundguard::engine {

using interp::Value;

const char* engineName(Engine engine) {
  return engine == Engine::Jit ? "jit" : "interp";
}

bool engineNamed(const std::string& name, Engine& out) {
  if (name != "jit" && name != "interp") return false;
  out = name == "jit" ? Engine::Jit : Engine::Interpreter;
  return true;
}

std::vector<RuleInfo> ruleInfos(const ir::RuleSet& set) {
  std::vector<RuleInfo> out;
  for (const ir::Rule& r : set.rules) {
    RuleInfo info;
    info.id = r.id;
    info.version = r.version;
    info.title = r.title;
    info.category = r.category;
    info.kind = r.kind;
    info.severity = r.severity;
    info.scope = ir::scopeName(r.scope);
    info.file = r.file;
    info.basis = r.basisDocument;
    for (size_t q = 0; q < r.basisQuotes.size(); ++q) info.basis += (q == 0 ? "：" : " ") + r.basisQuotes[q];
    info.contentHash = ir::ruleContentHash(set, r);
    if (r.effectiveFrom != INT32_MIN) info.effectiveFrom = formatDate(r.effectiveFrom);
    if (r.effectiveTo != INT32_MAX) info.effectiveTo = formatDate(r.effectiveTo);
    out.push_back(std::move(info));
  }
  return out;
}

namespace {

// A parameter value given as text, in the parameter's type.
bool parseParam(const std::string& text, const ir::Type& type, StringPool& pool, Value& out, std::string& error) {
  auto take = [&](auto parsed) {
    if (!parsed) {
      error = parsed.error;
      return false;
    }
    out = Value::of(static_cast<int64_t>(*parsed.value));
    return true;
  };
  switch (type.kind()) {
    case ir::Kind::Int:
      return take(parseInt(text));
    case ir::Kind::Dec:
      return take(parseDec(text));
    case ir::Kind::Money:
      return take(parseMoney(text));
    case ir::Kind::Date:
      return take(parseDate(text));
    case ir::Kind::DateTime:
      return take(parseDateTime(text));
    case ir::Kind::Str:
    case ir::Kind::Code:
      out = Value::of(pool.intern(text));
      return true;
    case ir::Kind::Bool:
      if (text != "true" && text != "false") {
        error = "expected true or false";
        return false;
      }
      out = Value::boolean(text == "true");
      return true;
    case ir::Kind::List: {
      // One text, the elements separated by `|` ("Z51|Z49"); an empty text is the empty list.
      std::vector<Value> items;
      size_t start = 0;
      while (!text.empty() && start <= text.size()) {
        size_t bar = text.find('|', start);
        std::string item = text.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        Value v;
        if (!parseParam(item, type.element(), pool, v, error)) {
          error = "element `" + item + "`: " + error;
          return false;
        }
        items.push_back(v);
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      out = Value::ofList(std::move(items));
      return true;
    }
    default:
      error = "this parameter's type cannot be given on the command line";
      return false;
  }
}

}  // namespace

ScreeningResult screen(const ir::RuleSet& set, Dataset& data, const ScreeningOptions& options) {
  ScreeningResult result;
  result.rules.resize(set.rules.size());
  BoundData bound(set, data);

  // Text constants of the rules go into the dataset's pool first, so that every evaluator (on
  // any thread) gives them the same id: parameter values are shared between evaluators.
  std::function<void(const ir::Node*)> intern = [&](const ir::Node* n) {
    if (!n) return;
    if (n->op == ir::Op::Const && n->type.isText() && !n->isNull) data.strings.intern(n->text);
    for (const ir::Node* a : n->args) intern(a);
  };
  for (const ir::Rule& rule : set.rules)
    for (const auto& node : rule.arena) intern(node.get());

  // Parameters: defaults (constant expressions), then the values given for the run.
  std::vector<std::vector<Value>> params(set.rules.size());
  for (size_t r = 0; r < set.rules.size(); ++r) {
    const ir::Rule& rule = set.rules[r];
    interp::Evaluator constants(bound, rule, {});
    for (const ir::Param& p : rule.params)
      params[r].push_back(p.defaultValue ? constants.eval(*p.defaultValue) : Value::missing());
  }
  for (const ParamValue& given : options.params) {
    bool found = false;
    for (size_t r = 0; r < set.rules.size(); ++r) {
      if (set.rules[r].id != given.rule) continue;
      if (options.onlyRule >= 0 && static_cast<size_t>(options.onlyRule) != r) continue;
      for (size_t p = 0; p < set.rules[r].params.size(); ++p) {
        const ir::Param& param = set.rules[r].params[p];
        if (param.name != given.name) continue;
        found = true;
        std::string error;
        if (!parseParam(given.value, param.type, data.strings, params[r][p], error))
          result.errors.push_back("parameter " + given.rule + "." + given.name + " = '" + given.value + "': " + error);
      }
    }
    if (!found) result.errors.push_back("no rule " + given.rule + " with a parameter " + given.name);
  }
  if (!result.errors.empty()) return result;

  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); };
  auto started = Clock::now();
  Subjects subjects(bound);
  if (options.includeClaim) subjects.keepClaims(options.includeClaim);
  std::vector<bool> run(set.rules.size(), false);
  for (size_t r = 0; r < set.rules.size(); ++r) {
    if (options.onlyRule >= 0 && static_cast<size_t>(options.onlyRule) != r) continue;
    if (options.includeRule && !options.includeRule(r)) continue;
    const ir::Rule& rule = set.rules[r];
    RuleOutcome& outcome = result.rules[r];
    std::vector<uint32_t> tables;
    bound.prepareRule(rule, tables);
    outcome.skipped = subjects.missing(rule.scope);
    for (uint32_t t : tables)
      if (outcome.skipped.empty() && !bound.table(t)) outcome.skipped = "missing table " + set.tables[t].layout.name;
    run[r] = outcome.skipped.empty();
  }
  bool any = std::find(run.begin(), run.end(), true) != run.end();
  bool explaining = options.onlySubject || options.onDecision;
  if (options.engine == Engine::Jit && any && !explaining) {
    std::shared_ptr<const jit::CompiledRules> code = options.compiled;
    if (!code) {
      auto compileStart = Clock::now();
      code = jit::CompiledRules::compile(set);
      result.compileSeconds = seconds(compileStart);
    }
    auto screenStart = Clock::now();
    jit::screenCompiled(*code, bound, subjects, run, params, options.threads, result.hits, result.rules,
                        result.scopeSeconds);
    result.screenSeconds = seconds(screenStart);
    for (size_t r = 0; r < set.rules.size(); ++r)
      if (options.onRuleDone && (run[r] || !result.rules[r].skipped.empty())) options.onRuleDone(r);
  } else {
    for (size_t r = 0; r < set.rules.size(); ++r) {
      if (run[r]) {
        auto ruleStart = Clock::now();
        RuleRunner runner(bound, subjects, set.rules[r], r, params[r]);
        if (explaining) runner.observe(options.onlySubject, options.onDecision);
        size_t before = result.hits.size();
        result.rules[r].subjects = runner.run(result.hits, explaining ? 1 : options.threads);
        result.rules[r].undecided = runner.undecided();
        result.rules[r].hits = result.hits.size() - before;
        result.rules[r].ran = true;
        result.scopeSeconds[static_cast<int>(set.rules[r].scope)] += seconds(ruleStart);
      }
      if (options.onRuleDone && (run[r] || !result.rules[r].skipped.empty())) options.onRuleDone(r);
    }
    result.screenSeconds = seconds(started);
  }
  result.orphanLines = subjects.orphanLines();
  sortHits(result.hits);
  return result;
}

}  // namespace fundguard::engine
