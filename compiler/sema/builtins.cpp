// The table of built-in functions; see builtins.h.
#include "sema/builtins.h"

namespace fundguard {

const std::vector<BuiltinInfo>& builtinFunctions() {
  using K = BuiltinInfo::Kind;
  static const std::vector<BuiltinInfo> table = {
      {K::Scalar, "prefix", "prefix(text, n)", "the first n characters: prefix(dise_codg, 3)"},
      {K::Scalar, "date", "date(datetime)", "the day of a datetime"},
      {K::Scalar, "month", "month(date)", "the month as text YYYY-MM"},
      {K::Scalar, "year", "year(date)", "the year as a number"},
      {K::Scalar, "days", "days(from, to)", "days from one date to another (to - from)"},
      {K::Scalar, "age_at", "age_at(birth, on)", "full years of age on a date"},
      {K::Scalar, "coalesce", "coalesce(x, default)", "x, or the default where x is missing"},
      {K::Scalar, "abs", "abs(x)", "the absolute value"},
      {K::Scalar, "round", "round(x, places)", "rounded half away from zero"},
      {K::Scalar, "len", "len(list or text)", "the number of items or characters"},
      {K::Scalar, "int", "int(text)", "the whole number a text spells, or missing: int(inst.hosp_lv)"},
      {K::Scalar, "label", "label(code)", "the Chinese label of a code in its dictionary: label(setl.med_type)"},
      {K::Scalar, "contains", "contains(text or list, x)", "whether x occurs in it"},
      {K::Table, "lookup", "lookup(table, key: value, ...)", "the one row with that key, or missing"},
      {K::Table, "rows", "rows(table, column: value, ...)", "all rows with those values"},
      {K::Ordered, "previous", "previous(x)", "the element before x in the `for each` list, or missing"},
      {K::Ordered, "next", "next(x)", "the element after x in the `for each` list, or missing"},
      {K::Peer, "zscore", "zscore(x)", "(x - peer mean) / peer standard deviation"},
      {K::Peer, "peer_mean", "peer_mean(x)", "mean of x over the peers"},
      {K::Peer, "peer_stddev", "peer_stddev(x)", "standard deviation of x over the peers"},
      {K::Peer, "peer_median", "peer_median(x)", "median of x over the peers"},
      {K::Peer, "prior", "prior(x)", "x in the previous period, or missing"},
      {K::Aggregate, "count", "count(x in list where cond)", "how many"},
      {K::Aggregate, "sum", "sum(value for x in list where cond)", "the total (0 when none)"},
      {K::Aggregate, "min", "min(value for x in list)", "the smallest, or missing when none"},
      {K::Aggregate, "max", "max(value for x in list)", "the largest, or missing when none"},
      {K::Aggregate, "avg", "avg(value for x in list)", "the mean, or missing when none"},
      {K::Aggregate, "median", "median(value for x in list)", "the median, or missing when none"},
      {K::Aggregate, "stddev", "stddev(value for x in list)", "the standard deviation, or missing"},
      {K::Aggregate, "distinct", "distinct(value for x in list)", "how many different values"},
      {K::Aggregate, "share", "share(x in list where cond)", "the fraction that satisfy cond"},
      {K::Aggregate, "exists", "exists(x in list where cond)", "whether any does"},
      {K::Aggregate, "all", "all(x in list where cond)", "whether every one does"},
      {K::Aggregate, "filter", "filter(x in list where cond)", "those that do, in order"},
      {K::Aggregate, "first", "first(x in list where cond)", "the first, or missing"},
      {K::Aggregate, "last", "last(x in list where cond)", "the last, or missing"},
      {K::Aggregate, "flatten", "flatten(s.lines for s in list)", "the elements of the lists, one list in order"},
      {K::Aggregate, "groups", "groups(x in list by key: value, ...)", "the groups of equal keys, each with .rows"},
  };
  return table;
}

const BuiltinInfo* findBuiltin(const std::string& name) {
  for (const auto& b : builtinFunctions())
    if (name == b.name) return &b;
  return nullptr;
}

std::vector<std::string> builtinNames() {
  std::vector<std::string> names;
  for (const auto& b : builtinFunctions()) names.push_back(b.name);
  return names;
}

}  // namespace fundguard
