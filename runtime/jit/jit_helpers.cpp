// The helpers of generated code (compiler/codegen/jit_helpers.def). Each computes what the
// interpreter computes for the same node (runtime/interp), with the same exact-number helpers.
#include "jit/jit_helpers.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "data/scalar_values.h"
#include "interp/exact_numbers.h"
#include "jit/jit_peers.h"
#include "jit/thread_runtime.h"
#include "support/utf8_chars.h"

using fundguard::interp::divRound;
using fundguard::interp::Wide;
using fundguard::jit::Cell;
using fundguard::jit::Group;
using fundguard::jit::List;
using fundguard::jit::ThreadRuntime;

namespace {

ThreadRuntime& rt(void* p) {
  return *static_cast<ThreadRuntime*>(p);
}

const fundguard::KeyIndex* linkIndex(ThreadRuntime& r, int64_t table, int64_t link) {
  return r.link(static_cast<uint32_t>(table), static_cast<uint32_t>(link));
}

// The rows the index holds for the key of `row` in `table` through `link` (null: none).
fundguard::RowSpan linkedRows(ThreadRuntime& r, int64_t table, int64_t link, int64_t row) {
  if (row < 0) return {};
  const fundguard::KeyIndex* index = linkIndex(r, table, link);
  const fundguard::Table* source = r.data.table(static_cast<uint32_t>(table));
  if (!index || !source) return {};
  const fundguard::ir::LinkRef& ref = r.data.set().tables[static_cast<size_t>(table)].links[static_cast<size_t>(link)];
  auto at = static_cast<size_t>(row);
  if (ref.ours.size() == 1) {
    const fundguard::Column& c = source->columns[ref.ours[0]];
    return c.has(at) ? index->find(c.at(at)) : fundguard::RowSpan();
  }
  int64_t key[16];
  if (ref.ours.size() > 16) return {};
  for (size_t k = 0; k < ref.ours.size(); ++k) {
    const fundguard::Column& col = source->columns[ref.ours[k]];
    if (!col.has(at)) return {};
    key[k] = col.at(at);
  }
  return index->find(key);
}

fundguard::RowSpan lookedUp(ThreadRuntime& r, int64_t id, const Cell* keys) {
  const fundguard::KeyIndex* index = r.lookup(static_cast<size_t>(id));
  if (!index) return {};
  size_t n = r.code.layout().lookups[static_cast<size_t>(id)].columns.size();
  for (size_t k = 0; k < n; ++k)
    if (!keys[k].present) return {};
  int64_t key[16];
  if (n > 16) return {};  // the language has no look-up by more columns
  for (size_t k = 0; k < n; ++k) key[k] = keys[k].v;
  return index->find(key);
}

struct GroupBuilder {
  int64_t keys = 0;
  std::map<std::vector<std::pair<bool, int64_t>>, size_t> index;
  std::vector<Group*> groups;
};

}  // namespace

extern "C" {

int64_t fg_lookup(void* r, int64_t id, void* keys) {
  fundguard::RowSpan rows = lookedUp(rt(r), id, static_cast<const Cell*>(keys));
  return rows ? static_cast<int64_t>(rows[0]) : int64_t{-1};
}

void* fg_rows_where(void* r, int64_t id, void* keys) {
  return rt(r).listOf(lookedUp(rt(r), id, static_cast<const Cell*>(keys)));
}

int64_t fg_rows_count(void* r, int64_t id, void* keys) {
  return static_cast<int64_t>(lookedUp(rt(r), id, static_cast<const Cell*>(keys)).size());
}

int64_t fg_link_count(void* r, int64_t table, int64_t link, int64_t row) {
  return static_cast<int64_t>(linkedRows(rt(r), table, link, row).size());
}

void* fg_field_list(void* r, int64_t table, int64_t column, int64_t row) {
  const fundguard::Table* t = rt(r).data.table(static_cast<uint32_t>(table));
  if (row < 0 || !t) return {};
  const fundguard::Column& c = t->columns[static_cast<size_t>(column)];
  auto at = static_cast<size_t>(row);
  if (!c.has(at)) return {};
  List* list = rt(r).newList(static_cast<int64_t>(c.listSize(at)));
  for (size_t k = 0; k < c.listSize(at); ++k) list->cells[list->size++] = Cell{c.listBegin(at)[k], 1};
  return list;
}

int64_t fg_text_compare(void* r, int64_t a, int64_t b) {
  if (a == b) return 0;
  return rt(r).texts.text(a).compare(rt(r).texts.text(b)) < 0 ? -1 : 1;
}

int64_t fg_starts_with(void* r, int64_t text, int64_t prefix) {
  std::string_view t = rt(r).texts.text(text), p = rt(r).texts.text(prefix);
  return t.substr(0, p.size()) == p ? 1 : 0;
}

int64_t fg_prefix(void* r, int64_t text, int64_t chars) {
  return rt(r).prefix(text, chars);
}

int64_t fg_month(void* r, int64_t day) {
  return rt(r).monthText(day);
}

int64_t fg_year(int64_t day) {
  int y;
  unsigned m, d;
  fundguard::civilFromDays(static_cast<int32_t>(day), y, m, d);
  return y;
}

int64_t fg_age_at(int64_t birth, int64_t day) {
  int y1, y2;
  unsigned m1, d1, m2, d2;
  fundguard::civilFromDays(static_cast<int32_t>(birth), y1, m1, d1);
  fundguard::civilFromDays(static_cast<int32_t>(day), y2, m2, d2);
  return y2 - y1 - ((m2 < m1 || (m2 == m1 && d2 < d1)) ? 1 : 0);
}

int64_t fg_text_length(void* r, int64_t text) {
  return static_cast<int64_t>(fundguard::utf8Length(rt(r).texts.text(text)));
}

int64_t fg_int_of(void* r, int64_t text, void* present) {
  auto parsed = fundguard::parseInt(rt(r).texts.text(text));
  *static_cast<int64_t*>(present) = parsed ? 1 : 0;
  return parsed ? static_cast<int64_t>(*parsed.value) : 0;
}

int64_t fg_label(void* r, int64_t dict, int64_t code) {
  return rt(r).label(dict, code);
}

int64_t fg_text_contains(void* r, int64_t text, int64_t part) {
  return rt(r).texts.text(text).find(rt(r).texts.text(part)) != std::string_view::npos ? 1 : 0;
}

int64_t fg_div_round(int64_t a, int64_t m, int64_t s, int64_t b) {
  return divRound(static_cast<Wide>(a) * m, static_cast<Wide>(s) * b);
}

int64_t fg_mul_div(int64_t a, int64_t b, int64_t c, int64_t d) {
  return divRound(static_cast<Wide>(a) * b * c, d);
}

int64_t fg_round(int64_t value, int64_t digits, int64_t places) {
  places = std::clamp<int64_t>(places, -15, 4);
  int64_t unit = 1;
  for (int64_t d = digits; d > places; --d) unit *= 10;
  return divRound(value, unit) * unit;
}

void* fg_list_new(void* r, int64_t capacity) {
  return rt(r).newList(capacity);
}

void fg_list_push(void* r, void* list, int64_t v, int64_t present) {
  rt(r).push(static_cast<List*>(list), Cell{v, present});
}

void* fg_list_concat(void* r, void* a, void* b) {
  const auto* x = static_cast<const List*>(a);
  const auto* y = static_cast<const List*>(b);
  List* out = rt(r).newList(x->size + y->size);
  for (int64_t k = 0; k < x->size; ++k) out->cells[out->size++] = x->cells[k];
  for (int64_t k = 0; k < y->size; ++k) out->cells[out->size++] = y->cells[k];
  return out;
}

void fg_list_extend(void* r, void* list, void* items) {
  const auto* from = static_cast<const List*>(items);
  for (int64_t k = 0; k < from->size; ++k) rt(r).push(static_cast<List*>(list), from->cells[k]);
}

int64_t fg_statistic(void*, void* values, int64_t fn, int64_t from, int64_t to, void* present) {
  const auto* list = static_cast<const List*>(values);
  auto* flag = static_cast<int64_t*>(present);
  *flag = 0;
  if (list->size == 0) return 0;
  std::vector<long double> numbers;
  numbers.reserve(static_cast<size_t>(list->size));
  for (int64_t k = 0; k < list->size; ++k) numbers.push_back(static_cast<long double>(list->cells[k].v));
  fundguard::interp::Statistics stats = fundguard::interp::describe(numbers);
  long double scale =
      fundguard::interp::rescale(static_cast<fundguard::ir::Kind>(from), static_cast<fundguard::ir::Kind>(to));
  auto f = static_cast<fundguard::ir::Fn>(fn);
  long double x = f == fundguard::ir::Fn::Avg      ? stats.mean
                  : f == fundguard::ir::Fn::Median ? stats.median
                                                   : stats.stddev;
  *flag = 1;
  return fundguard::interp::roundHalfAway(x * scale);
}

int64_t fg_distinct(void*, void* values) {
  const auto* list = static_cast<const List*>(values);
  std::vector<int64_t> v;
  for (int64_t k = 0; k < list->size; ++k) v.push_back(list->cells[k].v);
  std::sort(v.begin(), v.end());
  return static_cast<int64_t>(std::unique(v.begin(), v.end()) - v.begin());
}

int64_t fg_share(int64_t kept, int64_t total) {
  return total == 0 ? 0 : fundguard::interp::roundHalfAway(static_cast<long double>(kept) * 10000.0L / total);
}

void* fg_groups_new(void* r, int64_t keys) {
  auto* builder = static_cast<GroupBuilder*>(rt(r).arena->allocate(sizeof(GroupBuilder)));
  new (builder) GroupBuilder();
  builder->keys = keys;
  return builder;
}

void fg_groups_add(void* r, void* b, void* keys, int64_t v, int64_t present) {
  auto* builder = static_cast<GroupBuilder*>(b);
  const auto* cells = static_cast<const Cell*>(keys);
  std::vector<std::pair<bool, int64_t>> id;
  for (int64_t k = 0; k < builder->keys; ++k) id.emplace_back(cells[k].present != 0, cells[k].present ? cells[k].v : 0);
  auto [it, inserted] = builder->index.emplace(std::move(id), builder->groups.size());
  if (inserted) {
    auto* g = static_cast<Group*>(rt(r).arena->allocate(sizeof(Group)));
    g->keys = static_cast<Cell*>(
        rt(r).arena->allocate(sizeof(Cell) * static_cast<size_t>(std::max<int64_t>(1, builder->keys))));
    for (int64_t k = 0; k < builder->keys; ++k) g->keys[k] = cells[k];
    g->elements = rt(r).newList(0);
    builder->groups.push_back(g);
  }
  rt(r).push(builder->groups[it->second]->elements, Cell{v, present});
}

void* fg_groups_finish(void* r, void* b) {
  auto* builder = static_cast<GroupBuilder*>(b);
  List* out = rt(r).newList(static_cast<int64_t>(builder->groups.size()));
  for (Group* g : builder->groups)
    out->cells[out->size++] = Cell{static_cast<int64_t>(reinterpret_cast<intptr_t>(g)), 1};
  builder->~GroupBuilder();  // its map and vector live on the heap: free them now
  return out;
}

int64_t fg_peer(void* r, int64_t site, void* frame, void* present) {
  Cell c{0, 0};
  if (rt(r).peers) c = rt(r).peers->peer(static_cast<size_t>(site), static_cast<Cell*>(frame), rt(r));
  *static_cast<int64_t*>(present) = c.present;
  return c.v;
}

void fg_hit(void* r, int64_t rule, int64_t subject, int64_t element, int64_t second) {
  rt(r).candidates.push_back({static_cast<uint32_t>(rule), subject, element, second});
}

void fg_undecided(void* r, int64_t rule) {
  ++rt(r).undecided[static_cast<size_t>(rule)];
}

void fg_reset(void* r) {
  rt(r).scratch.reset();
}

int64_t fg_mark(void* r) {
  return rt(r).arena->mark();
}

void fg_release(void* r, int64_t mark) {
  rt(r).arena->release(mark);
}

}  // extern "C"

namespace fundguard::jit {

std::vector<std::pair<const char*, void*>> helperSymbols() {
  return {
#define FG_HELPER(name, effects, result, ...) {#name, reinterpret_cast<void*>(&name)},
#include "codegen/jit_helpers.def"
#undef FG_HELPER
  };
}

}  // namespace fundguard::jit
