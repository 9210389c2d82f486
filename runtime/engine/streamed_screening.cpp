// See streamed_screening.h.
#include "engine/streamed_screening.h"

#include <algorithm>

#include "engine/bound_data.h"
#include "engine/subjects.h"
#include "exec/hit_order.h"

namespace fundguard::engine {

StreamedScreening::StreamedScreening(const ir::RuleSet& set, ScreeningOptions options)
    : set_(set), options_(std::move(options)) {
  result_.rules.resize(set.rules.size());
}

void StreamedScreening::merge(ScreeningResult& part) {
  for (Hit& hit : part.hits) result_.hits.push_back(std::move(hit));
  for (size_t r = 0; r < part.rules.size(); ++r) {
    RuleOutcome& into = result_.rules[r];
    const RuleOutcome& from = part.rules[r];
    if (from.ran) {
      into.ran = true;
      into.skipped.clear();
    } else if (!into.ran && into.skipped.empty()) {
      into.skipped = from.skipped;
    }
    into.subjects += from.subjects;
    into.undecided += from.undecided;
    into.hits += from.hits;
  }
  result_.orphanLines += part.orphanLines;
}

bool StreamedScreening::batch(Dataset& data, std::string& error) {
  ++batches_;
  const ir::TableRef& settlementRef = set_.tables[static_cast<size_t>(set_.settlementTable)];
  const Table* settlements = data.table(settlementRef.layout.name);
  if (screened_.size() < (settlements ? settlements->rows : 0)) screened_.resize(settlements->rows, false);

  // The settlements whose lines this batch holds: their claims are screened with it.
  std::vector<bool> inBatch(screened_.size(), false);
  {
    BoundData bound(set_, data);
    Subjects subjects(bound);
    for (const LineSubject& line : subjects.lines()) {
      if (screened_[line.settlement]) {
        const Column& key = settlements->columns[settlementRef.key.at(0)];
        error = "fee lines of settlement " +
                std::string(data.strings.text(static_cast<uint32_t>(key.at(line.settlement)))) +
                " appear again after the batch that held its other lines: a streamed fee-line file must list each "
                "settlement's lines together (sort it by setl_id), or give --max-memory enough to screen in memory";
        return false;
      }
      inBatch[line.settlement] = true;
    }
  }
  ScreeningOptions options = options_;
  options.includeRule = [&](size_t r) {
    ir::ScopeKind scope = set_.rules[r].scope;
    return scope == ir::ScopeKind::Line || scope == ir::ScopeKind::Claim;
  };
  options.includeClaim = [&](uint32_t s) { return s < inBatch.size() && inBatch[s]; };
  ScreeningResult part = screen(set_, data, options);
  if (!part.errors.empty()) {
    error = part.errors.front();
    return false;
  }
  for (size_t s = 0; s < inBatch.size(); ++s)
    if (inBatch[s]) screened_[s] = true;
  merge(part);
  return true;
}

ScreeningResult StreamedScreening::finish(Dataset& data) {
  const std::string& feeName = set_.tables[static_cast<size_t>(set_.feeLineTable)].layout.name;
  // Settlements with no lines still have claims to screen; with the file absent, rules that
  // read lines are skipped for the missing table as in memory.
  if (batches_ > 0 && !data.table(feeName))
    data.tables[feeName] = std::make_unique<Table>(set_.tables[static_cast<size_t>(set_.feeLineTable)].layout);
  std::vector<bool> readsLines(set_.rules.size(), false);
  {
    BoundData bound(set_, data);
    for (size_t r = 0; r < set_.rules.size(); ++r) {
      std::vector<uint32_t> tables;
      bound.prepareRule(set_.rules[r], tables);
      readsLines[r] = std::count(tables.begin(), tables.end(), static_cast<uint32_t>(set_.feeLineTable)) > 0;
    }
  }
  ScreeningOptions options = options_;
  options.includeRule = [&](size_t r) {
    ir::ScopeKind scope = set_.rules[r].scope;
    if (scope == ir::ScopeKind::Line) return batches_ == 0;  // no batch: skipped for the missing file
    return scope == ir::ScopeKind::Claim || !readsLines[r];
  };
  options.includeClaim = [&](uint32_t s) { return s >= screened_.size() || !screened_[s]; };
  ScreeningResult part = screen(set_, data, options);
  result_.errors = part.errors;
  merge(part);
  for (size_t r = 0; r < set_.rules.size(); ++r) {
    ir::ScopeKind scope = set_.rules[r].scope;
    bool wide = scope == ir::ScopeKind::Person || scope == ir::ScopeKind::Institution;
    if (wide && readsLines[r] && batches_ > 0 && !result_.rules[r].ran)
      result_.rules[r].skipped =
          "reads fee lines, which were read in batches because the dataset is larger than "
          "the memory limit: give --max-memory enough to screen in memory";
  }
  sortHits(result_.hits);
  return std::move(result_);
}

}  // namespace fundguard::engine
