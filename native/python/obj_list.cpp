#include "python/obj_list.hpp"

#include <algorithm>

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_none.hpp"
#include "python/obj_range.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type list_type("list", &object_type);

List::~List() {
  // Release items last to first, as CPython does (the order __del__ runs).
  while (!items.empty()) items.pop_back();
  if (dict) decref(dict);
}

Ref<List> make_list(std::vector<ObjRef> items) { return Ref<List>(new List(std::move(items))); }

namespace {

// Stable merge sort over indices; `less(a, b)` is called as later < earlier,
// like CPython's timsort, so error messages name the operands the same way.
template <class Less>
void merge_sort(std::vector<std::size_t>& idx, std::vector<std::size_t>& tmp, std::size_t lo, std::size_t hi,
                Less& less) {
  if (hi - lo <= 32) {
    // Binary insertion sort.
    for (std::size_t i = lo + 1; i < hi; ++i) {
      std::size_t pivot = idx[i];
      std::size_t l = lo, r = i;
      while (l < r) {
        std::size_t m = l + (r - l) / 2;
        if (less(pivot, idx[m])) r = m;
        else l = m + 1;
      }
      for (std::size_t k = i; k > l; --k) idx[k] = idx[k - 1];
      idx[l] = pivot;
    }
    return;
  }
  std::size_t mid = lo + (hi - lo) / 2;
  merge_sort(idx, tmp, lo, mid, less);
  merge_sort(idx, tmp, mid, hi, less);
  std::size_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    if (less(idx[j], idx[i])) tmp[k++] = idx[j++];
    else tmp[k++] = idx[i++];
  }
  while (i < mid) tmp[k++] = idx[i++];
  while (j < hi) tmp[k++] = idx[j++];
  for (std::size_t q = lo; q < hi; ++q) idx[q] = tmp[q];
}

}  // namespace

void list_sort(Vm& vm, std::vector<ObjRef>& items, Object* key, bool reverse) {
  std::size_t n = items.size();
  if (n < 2) return;
  std::vector<ObjRef> keys;
  if (key && !is_none(key)) {
    keys.reserve(n);
    for (const ObjRef& x : items) keys.push_back(vm.call(key, {x.get()}));
  } else {
    keys = items;
  }
  std::vector<std::size_t> idx(n), tmp(n);
  for (std::size_t i = 0; i < n; ++i) idx[i] = i;
  // Reverse sorting keeps equal elements in their original order, as Python does.
  auto less = [&](std::size_t a, std::size_t b) {
    return reverse ? compare_bool(vm, keys[b].get(), keys[a].get(), CmpOp::Lt)
                   : compare_bool(vm, keys[a].get(), keys[b].get(), CmpOp::Lt);
  };
  if (reverse) {
    // CPython reverses, sorts stably, reverses back; the comparison sequence
    // differs but the result is the same stable descending order.
    auto rless = [&](std::size_t a, std::size_t b) { return compare_bool(vm, keys[b].get(), keys[a].get(), CmpOp::Lt); };
    merge_sort(idx, tmp, 0, n, rless);
  } else {
    merge_sort(idx, tmp, 0, n, less);
  }
  std::vector<ObjRef> sorted;
  sorted.reserve(n);
  for (std::size_t i : idx) sorted.push_back(items[i]);
  items.swap(sorted);
}

namespace {

List* self_list(const Args& a) { return static_cast<List*>(a[0]); }

ObjRef list_getitem(Vm& vm, Object* self, Object* key) {
  auto* l = static_cast<List*>(self);
  if (key->type() == &slice_type) {
    std::int64_t start, stop, step, count;
    static_cast<Slice*>(key)->indices(vm, static_cast<std::int64_t>(l->size()), start, stop, step, count);
    std::vector<ObjRef> out;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int64_t k = 0, i = start; k < count; ++k, i += step) out.push_back(l->items[static_cast<std::size_t>(i)]);
    return make_list(std::move(out));
  }
  if (!has_index(key)) raise_type_error("list indices must be integers or slices, not " + type_name(key));
  std::int64_t i = normalize_index(index_value(vm, key), static_cast<std::int64_t>(l->size()), "list index out of range");
  return l->items[static_cast<std::size_t>(i)];
}

void list_setitem(Vm& vm, Object* self, Object* key, Object* value) {
  auto* l = static_cast<List*>(self);
  auto n = static_cast<std::int64_t>(l->size());
  if (key->type() == &slice_type) {
    std::int64_t start, stop, step, count;
    static_cast<Slice*>(key)->indices(vm, n, start, stop, step, count);
    if (!value) {
      if (step == 1) {
        if (stop > start) l->items.erase(l->items.begin() + start, l->items.begin() + stop);
        return;
      }
      std::vector<bool> drop(l->size(), false);
      for (std::int64_t k = 0, i = start; k < count; ++k, i += step) drop[static_cast<std::size_t>(i)] = true;
      std::vector<ObjRef> kept;
      for (std::size_t i = 0; i < l->size(); ++i)
        if (!drop[i]) kept.push_back(l->items[i]);
      l->items.swap(kept);
      return;
    }
    std::vector<ObjRef> vals = to_vector(vm, value);
    if (step == 1) {
      if (stop < start) stop = start;
      l->items.erase(l->items.begin() + start, l->items.begin() + stop);
      l->items.insert(l->items.begin() + start, vals.begin(), vals.end());
      return;
    }
    if (static_cast<std::int64_t>(vals.size()) != count)
      raise_value_error("attempt to assign sequence of size " + std::to_string(vals.size()) +
                        " to extended slice of size " + std::to_string(count));
    for (std::int64_t k = 0, i = start; k < count; ++k, i += step) l->items[static_cast<std::size_t>(i)] = vals[static_cast<std::size_t>(k)];
    return;
  }
  if (!has_index(key)) raise_type_error("list indices must be integers or slices, not " + type_name(key));
  std::int64_t i = normalize_index(index_value(vm, key), n,
                                   value ? "list assignment index out of range" : "list assignment index out of range");
  if (value) l->items[static_cast<std::size_t>(i)] = ObjRef(value);
  else l->items.erase(l->items.begin() + i);
}

ObjRef list_binary(Vm& vm, Object* self, Object* other, BinOp op) {
  auto* l = static_cast<List*>(self);
  if (op == BinOp::Add) {
    if (!is_list(other)) return nullptr;
    std::vector<ObjRef> out = l->items;
    const auto& o = static_cast<List*>(other)->items;
    out.insert(out.end(), o.begin(), o.end());
    return make_list(std::move(out));
  }
  if (op == BinOp::Mul) {
    if (!has_index(other)) return nullptr;
    std::int64_t n = index_value(vm, other);
    std::vector<ObjRef> out;
    if (n > 0) out.reserve(l->size() * static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k) out.insert(out.end(), l->items.begin(), l->items.end());
    return make_list(std::move(out));
  }
  return nullptr;
}

ObjRef list_inplace(Vm& vm, Object* self, Object* other, BinOp op) {
  auto* l = static_cast<List*>(self);
  if (op == BinOp::Add) {
    std::vector<ObjRef> vals = to_vector(vm, other);
    l->items.insert(l->items.end(), vals.begin(), vals.end());
    return ObjRef(self);
  }
  if (op == BinOp::Mul) {
    if (!has_index(other)) return nullptr;
    std::int64_t n = index_value(vm, other);
    std::vector<ObjRef> orig = l->items;
    l->items.clear();
    for (std::int64_t k = 0; k < n; ++k) l->items.insert(l->items.end(), orig.begin(), orig.end());
    return ObjRef(self);
  }
  return nullptr;
}

ObjRef list_construct(Vm& vm, Type* cls, const Args& args) {
  check_no_kwargs(args, "list");
  if (args.npos > 1) raise_type_error("list expected at most 1 argument, got " + std::to_string(args.npos));
  std::vector<ObjRef> items;
  if (args.npos == 1) items = to_vector(vm, args[0]);
  if (cls == &list_type) return make_list(std::move(items));
  auto* l = new List(std::move(items), cls);
  l->dict = new Dict();
  incref(l->dict);
  return ObjRef(l);
}

}  // namespace

void init_list_type() {
  type_dict(&list_type);
  TypeSlots& s = list_type.slots;
  s.repr = [](Vm& vm, Object* o) -> ObjRef {
    return make_str(sequence_repr(vm, o, static_cast<List*>(o)->items, "[", "]"));
  };
  s.compare = [](Vm& vm, Object* self, Object* other, CmpOp op) -> ObjRef {
    if (!is_list(other)) return nullptr;
    return sequence_compare(vm, static_cast<List*>(self)->items, static_cast<List*>(other)->items, op);
  };
  s.binary = list_binary;
  s.rbinary = [](Vm& vm, Object* self, Object* other, BinOp op) -> ObjRef {
    if (op == BinOp::Mul && has_index(other)) return list_binary(vm, self, other, op);
    return nullptr;
  };
  s.inplace = list_inplace;
  s.truth = [](Vm&, Object* o) { return static_cast<List*>(o)->size() ? 1 : 0; };
  s.len = [](Vm&, Object* o) { return static_cast<std::int64_t>(static_cast<List*>(o)->size()); };
  s.getitem = list_getitem;
  s.setitem = list_setitem;
  s.iter = [](Vm&, Object* o) { return make_seq_iterator(o); };
  s.contains = [](Vm& vm, Object* self, Object* item) -> int {
    auto* l = static_cast<List*>(self);
    for (std::size_t i = 0; i < l->size(); ++i) {
      ObjRef x = l->items[i];
      if (equal(vm, x.get(), item)) return 1;
    }
    return 0;
  };
  s.construct = list_construct;
  s.hash = unhashable_hash;

  Type* t = &list_type;
  add_method(t, "append", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "list.append", 2, 2);
    self_list(a)->items.emplace_back(a[1]);
    return ObjRef(none());
  });
  add_method(t, "extend", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "list.extend", 2, 2);
    std::vector<ObjRef> vals = to_vector(vm, a[1]);
    auto& items = self_list(a)->items;
    items.insert(items.end(), vals.begin(), vals.end());
    return ObjRef(none());
  });
  add_method(t, "insert", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "list.insert", 3, 3);
    auto& items = self_list(a)->items;
    auto n = static_cast<std::int64_t>(items.size());
    std::int64_t i = index_value(vm, a[1]);
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    if (i > n) i = n;
    items.insert(items.begin() + i, ObjRef(a[2]));
    return ObjRef(none());
  });
  add_method(t, "pop", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "list.pop", 1, 2);
    auto& items = self_list(a)->items;
    if (items.empty()) raise_index_error("pop from empty list");
    auto n = static_cast<std::int64_t>(items.size());
    std::int64_t i = a.npos > 1 ? index_value(vm, a[1]) : n - 1;
    i = normalize_index(i, n, "pop index out of range");
    ObjRef v = items[static_cast<std::size_t>(i)];
    items.erase(items.begin() + i);
    return v;
  });
  add_method(t, "remove", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "list.remove", 2, 2);
    auto& items = self_list(a)->items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      ObjRef x = items[i];
      if (equal(vm, x.get(), a[1])) {
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
        return ObjRef(none());
      }
    }
    raise_value_error("list.remove(x): x not in list");
  });
  add_method(t, "index", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "list.index", 2, 4);
    auto& items = self_list(a)->items;
    auto n = static_cast<std::int64_t>(items.size());
    std::int64_t b = a.npos > 2 ? index_value(vm, a[2]) : 0;
    std::int64_t e = a.npos > 3 ? index_value(vm, a[3]) : n;
    if (b < 0) b = std::max<std::int64_t>(0, b + n);
    if (e < 0) e = std::max<std::int64_t>(0, e + n);
    for (std::int64_t i = b; i < std::min(e, static_cast<std::int64_t>(items.size())); ++i) {
      ObjRef x = items[static_cast<std::size_t>(i)];
      if (equal(vm, x.get(), a[1])) return make_int(i);
    }
    raise_value_error(repr_string(vm, a[1]) + " is not in list");
  });
  add_method(t, "count", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "list.count", 2, 2);
    std::int64_t n = 0;
    std::vector<ObjRef> items = self_list(a)->items;
    for (const ObjRef& x : items)
      if (equal(vm, x.get(), a[1])) ++n;
    return make_int(n);
  });
  add_method(t, "sort", [](Vm& vm, const Args& a) -> ObjRef {
    if (a.npos > 1) raise_type_error("sort() takes no positional arguments");
    Object* out[2] = {nullptr, nullptr};
    Args rest{a.pos + 1, 0, a.kwvalues, a.kwnames};
    parse_args(rest, "sort", {"key", "reverse"}, 0, out);
    List* l = self_list(a);
    std::vector<ObjRef> items;
    items.swap(l->items);  // the list looks empty while sorting, as in CPython
    try {
      list_sort(vm, items, out[0], out[1] && truthy(vm, out[1]));
    } catch (...) {
      l->items.swap(items);
      throw;
    }
    l->items.swap(items);
    return ObjRef(none());
  });
  add_method(t, "__init__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "list.__init__", 1, 2);
    std::vector<ObjRef> items;
    if (a.npos == 2) items = to_vector(vm, a[1]);
    self_list(a)->items.swap(items);
    return ObjRef(none());
  });
  add_method(t, "reverse", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "list.reverse", 1, 1);
    auto& items = self_list(a)->items;
    std::reverse(items.begin(), items.end());
    return ObjRef(none());
  });
  add_method(t, "copy", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "list.copy", 1, 1);
    return make_list(self_list(a)->items);
  });
  add_method(t, "clear", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "list.clear", 1, 1);
    std::vector<ObjRef> old;
    old.swap(self_list(a)->items);
    while (!old.empty()) old.pop_back();
    return ObjRef(none());
  });
}

}  // namespace lesson::python
