// See subjects.h.
#include "engine/subjects.h"

#include <algorithm>
#include <map>

#include "data/scalar_values.h"

namespace fundguard::engine {

Subjects::Subjects(BoundData& data) : data_(data) {
  const ir::RuleSet& set = data.set();
  if (set.settlementTable >= 0) {
    settlement_ = data.table(static_cast<uint32_t>(set.settlementTable));
    if (settlement_) date_ = settlement_->column(kSettlementDateColumn);
  }
}

std::string Subjects::missing(ir::ScopeKind scope) const {
  const ir::RuleSet& set = data_.set();
  auto tableName = [&](int t) { return t < 0 ? std::string("?") : set.tables[static_cast<size_t>(t)].layout.name; };
  if (!settlement_) return "missing table " + tableName(set.settlementTable);
  if (!date_) return std::string("the settlement table has no column ") + kSettlementDateColumn;
  switch (scope) {
    case ir::ScopeKind::Line:
      if (set.feeLineTable < 0 || !data_.table(static_cast<uint32_t>(set.feeLineTable)))
        return "missing table " + tableName(set.feeLineTable);
      if (set.lineToSettlement < 0) return "the fee-line table has no link setl";
      return "";
    case ir::ScopeKind::Claim:
      return "";
    case ir::ScopeKind::Person:
      return set.settlementPerson < 0 ? "the settlement table has no link person" : "";
    case ir::ScopeKind::Institution:
      return set.settlementInstitution < 0 ? "the settlement table has no link inst" : "";
  }
  return "";
}

int64_t Subjects::settlementDate(uint32_t s) const {
  return date_ && date_->has(s) ? date_->at(s) : INT64_MIN;
}

std::pair<int32_t, int32_t> Subjects::periodDays(const std::string& period) {
  int year = 0;
  unsigned month = 0, quarter = 0;
  char tail = 0;
  unsigned first = 1, months = 12;  // a year
  if (std::sscanf(period.c_str(), "%4d-%2u%c", &year, &month, &tail) == 2 && month >= 1 && month <= 12) {
    first = month, months = 1;
  } else if (std::sscanf(period.c_str(), "%4dQ%1u%c", &year, &quarter, &tail) == 2 && quarter >= 1 && quarter <= 4) {
    first = quarter * 3 - 2, months = 3;
  } else if (period.size() != 4 || std::sscanf(period.c_str(), "%4d%c", &year, &tail) != 1) {
    return {1, 0};
  }
  unsigned next = first + months;
  int32_t end = next > 12 ? daysFromCivil(year + 1, next - 12, 1) : daysFromCivil(year, next, 1);
  return {daysFromCivil(year, first, 1), end - 1};
}

std::string Subjects::periodOf(int32_t days, ir::Period period) {
  int y;
  unsigned m, d;
  civilFromDays(days, y, m, d);
  char buf[48];
  switch (period) {
    case ir::Period::Quarter:
      std::snprintf(buf, sizeof buf, "%04dQ%u", y, (m - 1) / 3 + 1);
      break;
    case ir::Period::Year:
      std::snprintf(buf, sizeof buf, "%04d", y);
      break;
    default:
      std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
      break;
  }
  return buf;
}

const std::vector<LineSubject>& Subjects::lines() {
  if (linesMade_ || !missing(ir::ScopeKind::Line).empty()) return lines_;
  linesMade_ = true;
  const ir::RuleSet& set = data_.set();
  auto feeTable = static_cast<uint32_t>(set.feeLineTable);
  const ir::LinkRef& link = set.tables[feeTable].links[static_cast<size_t>(set.lineToSettlement)];
  data_.prepareIndex(link.target, link.theirs);
  const KeyIndex* index = data_.index(link.target, link.theirs);
  const Table* fee = data_.table(feeTable);
  std::vector<int64_t> key(link.ours.size());
  for (size_t row = 0; row < fee->rows; ++row) {
    bool complete = true;
    for (size_t k = 0; k < link.ours.size(); ++k) {
      const Column& c = fee->columns[link.ours[k]];
      complete = complete && c.has(row);
      key[k] = complete ? c.at(row) : 0;
    }
    RowSpan found = complete && index ? index->find(key) : RowSpan();
    if (!found) {
      ++orphanLines_;  // a line whose settlement is absent (or excluded as a reversal)
      continue;
    }
    lines_.push_back({static_cast<uint32_t>(row), found.front()});
  }
  return lines_;
}

const std::vector<uint32_t>& Subjects::claims() {
  if (claimsMade_ || !settlement_) return claims_;
  claimsMade_ = true;
  for (size_t row = 0; row < settlement_->rows; ++row)
    if (!keepClaim_ || keepClaim_(static_cast<uint32_t>(row))) claims_.push_back(static_cast<uint32_t>(row));
  return claims_;
}

// Every settlement, by date then key (rows with no date last, in row order).
std::vector<uint32_t> Subjects::settlementsByDate() const {
  std::vector<uint32_t> order(settlement_->rows);
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  const ir::TableRef& ref = data_.set().tables[static_cast<size_t>(data_.set().settlementTable)];
  const Column* key = ref.key.empty() ? nullptr : &settlement_->columns[ref.key[0]];
  const StringPool& pool = data_.dataset().strings;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int64_t da = settlementDate(a), db = settlementDate(b);
    if (da != db) return (da == INT64_MIN ? INT64_MAX : da) < (db == INT64_MIN ? INT64_MAX : db);
    if (!key || !key->has(a) || !key->has(b)) return false;
    return pool.text(static_cast<uint32_t>(key->at(a))) < pool.text(static_cast<uint32_t>(key->at(b)));
  });
  return order;
}

const std::vector<PersonSubject>& Subjects::persons() {
  if (personsMade_ || !missing(ir::ScopeKind::Person).empty()) return persons_;
  personsMade_ = true;
  const ir::RuleSet& set = data_.set();
  const ir::LinkRef& link =
      set.tables[static_cast<size_t>(set.settlementTable)].links[static_cast<size_t>(set.settlementPerson)];
  const Column& psn = settlement_->columns[link.ours[0]];
  const StringPool& pool = data_.dataset().strings;
  std::map<std::string_view, size_t> byPerson;  // ordered by the person number's text
  std::vector<PersonSubject> found;
  for (uint32_t s : settlementsByDate()) {
    if (!psn.has(s)) continue;
    auto [it, inserted] = byPerson.emplace(pool.text(static_cast<uint32_t>(psn.at(s))), found.size());
    if (inserted) found.push_back({psn.at(s), -1, {}});
    found[it->second].settlements.push_back(s);
  }
  data_.prepareIndex(link.target, link.theirs);
  const KeyIndex* people = data_.index(link.target, link.theirs);
  for (const auto& [text, i] : byPerson) {
    PersonSubject p = std::move(found[i]);
    if (people)
      if (RowSpan rows = people->find(p.psnNo)) p.personRow = rows.front();
    persons_.push_back(std::move(p));
  }
  return persons_;
}

const std::vector<InstitutionSubject>& Subjects::institutions(ir::Period period) {
  auto slot = static_cast<size_t>(period);
  auto& out = institutions_[slot];
  if (institutionsMade_[slot] || !missing(ir::ScopeKind::Institution).empty()) return out;
  institutionsMade_[slot] = true;
  const ir::RuleSet& set = data_.set();
  const ir::LinkRef& link =
      set.tables[static_cast<size_t>(set.settlementTable)].links[static_cast<size_t>(set.settlementInstitution)];
  const Column& code = settlement_->columns[link.ours[0]];
  const StringPool& pool = data_.dataset().strings;
  std::map<std::pair<std::string_view, std::string>, size_t> byKey;  // (code text, period)
  std::vector<InstitutionSubject> found;
  for (uint32_t s : settlementsByDate()) {
    int64_t day = settlementDate(s);
    if (!code.has(s) || day == INT64_MIN) continue;
    std::string p = periodOf(static_cast<int32_t>(day), period);
    auto [it, inserted] = byKey.emplace(std::make_pair(pool.text(static_cast<uint32_t>(code.at(s))), p), found.size());
    if (inserted) found.push_back({code.at(s), p, -1, {}});
    found[it->second].settlements.push_back(s);
  }
  data_.prepareIndex(link.target, link.theirs);
  const KeyIndex* institutions = data_.index(link.target, link.theirs);
  for (const auto& [key, i] : byKey) {
    InstitutionSubject subject = std::move(found[i]);
    if (institutions)
      if (RowSpan rows = institutions->find(subject.fixmedinsCode)) subject.institutionRow = rows.front();
    out.push_back(std::move(subject));
  }
  return out;
}

}  // namespace fundguard::engine
