#include "python/obj_tuple.hpp"

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_range.hpp"
#include "python/obj_str.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type tuple_type("tuple", &object_type);

namespace {
Tuple* the_empty_tuple = nullptr;
}

Tuple* empty_tuple() { return the_empty_tuple; }

Ref<Tuple> make_tuple(std::vector<ObjRef> items) {
  if (items.empty() && the_empty_tuple) return Ref<Tuple>(the_empty_tuple);
  return Ref<Tuple>(new Tuple(std::move(items)));
}

Ref<Tuple> make_tuple(std::initializer_list<Object*> items) {
  std::vector<ObjRef> v;
  v.reserve(items.size());
  for (Object* o : items) v.emplace_back(o);
  return make_tuple(std::move(v));
}

std::int64_t hash_tuple(Vm& vm, const Tuple* t) {
  // CPython's xxHash-based tuple hash.
  constexpr std::uint64_t kPrime1 = 11400714785074694791ull;
  constexpr std::uint64_t kPrime2 = 14029467366897019727ull;
  constexpr std::uint64_t kPrime5 = 2870177450012600261ull;
  std::uint64_t acc = kPrime5;
  for (const ObjRef& item : t->items) {
    auto lane = static_cast<std::uint64_t>(hash(vm, item.get()));
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += t->items.size() ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<std::uint64_t>(-1)) return 1546275796;
  return static_cast<std::int64_t>(acc);
}

namespace {

ObjRef tuple_getitem(Vm& vm, Object* self, Object* key) {
  auto* t = static_cast<Tuple*>(self);
  if (key->type() == &slice_type) {
    std::int64_t start, stop, step, count;
    static_cast<Slice*>(key)->indices(vm, static_cast<std::int64_t>(t->size()), start, stop, step, count);
    std::vector<ObjRef> out;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int64_t k = 0, i = start; k < count; ++k, i += step) out.push_back(t->items[static_cast<std::size_t>(i)]);
    return make_tuple(std::move(out));
  }
  if (!has_index(key)) raise_type_error("tuple indices must be integers or slices, not " + type_name(key));
  std::int64_t i = normalize_index(index_value(vm, key), static_cast<std::int64_t>(t->size()), "tuple index out of range");
  return t->items[static_cast<std::size_t>(i)];
}

ObjRef tuple_binary(Vm& vm, Object* self, Object* other, BinOp op) {
  auto* t = static_cast<Tuple*>(self);
  if (op == BinOp::Add) {
    if (!is_tuple(other)) return nullptr;
    std::vector<ObjRef> out = t->items;
    const auto& o = static_cast<Tuple*>(other)->items;
    out.insert(out.end(), o.begin(), o.end());
    return make_tuple(std::move(out));
  }
  if (op == BinOp::Mul) {
    if (!has_index(other)) return nullptr;
    std::int64_t n = index_value(vm, other);
    std::vector<ObjRef> out;
    for (std::int64_t k = 0; k < n; ++k) out.insert(out.end(), t->items.begin(), t->items.end());
    return make_tuple(std::move(out));
  }
  return nullptr;
}

}  // namespace

void Tuple::release_attrs() { decref(attrs); }

namespace {

ObjRef tuple_construct(Vm& vm, Type* cls, const Args& args) {
  check_no_kwargs(args, "tuple");
  if (args.npos > 1) raise_type_error("tuple expected at most 1 argument, got " + std::to_string(args.npos));
  std::vector<ObjRef> items;
  if (args.npos == 1) {
    if (is_tuple(args[0]) && cls == &tuple_type && args[0]->type() == &tuple_type) return ObjRef(args[0]);
    items = to_vector(vm, args[0]);
  }
  if (cls == &tuple_type) return make_tuple(std::move(items));
  Ref<Tuple> t(new Tuple(std::move(items), cls));
  // Instances of a subclass get an attribute dictionary unless every Python
  // class in the chain declares __slots__.
  bool needs_dict = false;
  for (Type* k = cls; k && k->heap; k = k->base)
    if (!k->dict || !k->dict->get_str("__slots__")) needs_dict = true;
  if (needs_dict) {
    t->attrs = new Dict();
    incref(t->attrs);
  }
  return t;
}

}  // namespace

void init_tuple_type() {
  the_empty_tuple = new Tuple({});
  the_empty_tuple->refcount = kImmortal;
  type_dict(&tuple_type);
  TypeSlots& s = tuple_type.slots;
  s.repr = [](Vm& vm, Object* o) -> ObjRef {
    auto* t = static_cast<Tuple*>(o);
    if (t->size() == 1) {
      ReprGuard g(vm, o);
      if (!g.entered()) return make_str("(...)");
      return make_str("(" + repr_string(vm, t->items[0].get()) + ",)");
    }
    return make_str(sequence_repr(vm, o, t->items, "(", ")"));
  };
  s.hash = [](Vm& vm, Object* o) { return hash_tuple(vm, static_cast<Tuple*>(o)); };
  s.compare = [](Vm& vm, Object* self, Object* other, CmpOp op) -> ObjRef {
    if (!is_tuple(other)) return nullptr;
    return sequence_compare(vm, static_cast<Tuple*>(self)->items, static_cast<Tuple*>(other)->items, op);
  };
  s.binary = tuple_binary;
  s.rbinary = [](Vm& vm, Object* self, Object* other, BinOp op) -> ObjRef {
    if (op == BinOp::Mul && has_index(other)) return tuple_binary(vm, self, other, op);
    return nullptr;
  };
  s.truth = [](Vm&, Object* o) { return static_cast<Tuple*>(o)->size() ? 1 : 0; };
  s.len = [](Vm&, Object* o) { return static_cast<std::int64_t>(static_cast<Tuple*>(o)->size()); };
  s.getitem = tuple_getitem;
  s.iter = [](Vm&, Object* o) { return make_seq_iterator(o); };
  s.contains = [](Vm& vm, Object* self, Object* item) -> int {
    for (const ObjRef& x : static_cast<Tuple*>(self)->items)
      if (equal(vm, x.get(), item)) return 1;
    return 0;
  };
  s.construct = tuple_construct;
  add_method(&tuple_type, "count", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "tuple.count", 2, 2);
    std::int64_t n = 0;
    for (const ObjRef& x : static_cast<Tuple*>(a[0])->items)
      if (equal(vm, x.get(), a[1])) ++n;
    return make_int(n);
  });
  add_method(&tuple_type, "index", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "tuple.index", 2, 4);
    const auto& items = static_cast<Tuple*>(a[0])->items;
    auto n = static_cast<std::int64_t>(items.size());
    std::int64_t b = a.npos > 2 ? index_value(vm, a[2]) : 0;
    std::int64_t e = a.npos > 3 ? index_value(vm, a[3]) : n;
    if (b < 0) b = std::max<std::int64_t>(0, b + n);
    if (e < 0) e = std::max<std::int64_t>(0, e + n);
    for (std::int64_t i = b; i < std::min(e, n); ++i)
      if (equal(vm, items[static_cast<std::size_t>(i)].get(), a[1])) return make_int(i);
    raise_value_error("tuple.index(x): x not in tuple");
  });
}

}  // namespace lesson::python
