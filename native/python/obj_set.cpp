#include "python/obj_set.hpp"

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type set_type("set", &object_type);
Type frozenset_type("frozenset", &object_type);

namespace {
constexpr std::size_t kMinSize = 8;
constexpr std::size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
}  // namespace

Set::Set(Type* t) : Object(t), table_(kMinSize) {}

Ref<Set> make_set(Type* t) { return Ref<Set>(new Set(t)); }

std::int64_t Set::lookup(Vm& vm, Object* key, std::int64_t hash) const {
  std::size_t mask = table_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  auto perturb = static_cast<std::size_t>(hash);
  for (;;) {
    std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    std::size_t j = i;
    for (std::size_t k = 0; k <= probes; ++k, ++j) {
      const Slot& s = table_[j];
      if (!s.key && !s.dummy) return -1;
      if (s.key && s.hash == hash) {
        if (s.key.get() == key) return static_cast<std::int64_t>(j);
        ObjRef keep = s.key;
        if (equal(vm, keep.get(), key)) return static_cast<std::int64_t>(j);
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void Set::insert_clean(std::vector<Slot>& table, Object* key, std::int64_t hash) {
  std::size_t mask = table.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  auto perturb = static_cast<std::size_t>(hash);
  for (;;) {
    if (!table[i].key) break;
    bool found = false;
    if (i + kLinearProbes <= mask) {
      for (std::size_t k = 1; k <= kLinearProbes; ++k) {
        if (!table[i + k].key) {
          i += k;
          found = true;
          break;
        }
      }
    }
    if (found) break;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table[i].key = ObjRef(key);
  table[i].hash = hash;
  table[i].dummy = false;
}

void Set::resize(std::size_t minused) {
  std::size_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  std::vector<Slot> newtable(newsize);
  for (Slot& s : table_)
    if (s.key) insert_clean(newtable, s.key.get(), s.hash);
  table_.swap(newtable);
  fill_ = used_;
}

bool Set::add_hashed(Vm& vm, Object* key, std::int64_t hash) {
  ObjRef keep(key);
restart:
  std::size_t mask = table_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  auto perturb = static_cast<std::size_t>(hash);
  std::int64_t freeslot = -1;
  for (;;) {
    std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    std::size_t j = i;
    for (std::size_t k = 0; k <= probes; ++k, ++j) {
      Slot& s = table_[j];
      if (!s.key && !s.dummy) {
        if (freeslot >= 0) {
          Slot& f = table_[static_cast<std::size_t>(freeslot)];
          f.key = keep;
          f.hash = hash;
          f.dummy = false;
          ++used_;
          ++version_;
          return true;
        }
        s.key = keep;
        s.hash = hash;
        ++fill_;
        ++used_;
        ++version_;
        if (fill_ * 5 >= mask * 3) resize(used_ > 50000 ? used_ * 2 : used_ * 4);
        return true;
      }
      if (s.key && s.hash == hash) {
        if (s.key.get() == key) return false;
        std::size_t before = table_.size();
        ObjRef other = s.key;
        bool eq = equal(vm, other.get(), key);
        if (eq) return false;
        if (table_.size() != before) goto restart;
      } else if (s.dummy) {
        freeslot = static_cast<std::int64_t>(j);
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool Set::contains(Vm& vm, Object* key) const { return lookup(vm, key, hash(vm, key)) >= 0; }

bool Set::add(Vm& vm, Object* key) { return add_hashed(vm, key, hash(vm, key)); }

bool Set::discard(Vm& vm, Object* key) {
  std::int64_t j = lookup(vm, key, hash(vm, key));
  if (j < 0) return false;
  Slot& s = table_[static_cast<std::size_t>(j)];
  ObjRef old = std::move(s.key);
  s.key.reset();
  s.dummy = true;
  s.hash = -1;
  --used_;
  ++version_;
  return true;
}

void Set::clear() {
  std::vector<Slot> old(kMinSize);
  old.swap(table_);
  fill_ = used_ = 0;
  ++version_;
}

void Set::merge(Vm& vm, const Set& other) {
  if (&other == this || other.used_ == 0) return;
  if ((fill_ + other.used_) * 5 >= (table_.size() - 1) * 3) resize((used_ + other.used_) * 2);
  if (fill_ == 0 && table_.size() == other.table_.size() && other.fill_ == other.used_) {
    for (std::size_t i = 0; i < table_.size(); ++i) {
      table_[i].key = other.table_[i].key;
      table_[i].hash = other.table_[i].hash;
      table_[i].dummy = false;
    }
    fill_ = used_ = other.used_;
    ++version_;
    return;
  }
  if (fill_ == 0) {
    for (const Slot& s : other.table_)
      if (s.key) insert_clean(table_, s.key.get(), s.hash);
    fill_ = used_ = other.used_;
    ++version_;
    return;
  }
  std::vector<std::pair<ObjRef, std::int64_t>> items;
  for (const Slot& s : other.table_)
    if (s.key) items.emplace_back(s.key, s.hash);
  for (auto& kv : items) add_hashed(vm, kv.first.get(), kv.second);
}

void Set::reserve_for_merge(std::size_t n) {
  if ((fill_ + n) * 5 >= (table_.size() - 1) * 3) resize((used_ + n) * 2);
}

void Set::add_all(Vm& vm, Object* iterable) {
  if (is_set(iterable)) {
    merge(vm, *static_cast<Set*>(iterable));
    return;
  }
  if (iterable->type() == &dict_type) {
    auto* d = static_cast<Dict*>(iterable);
    reserve_for_merge(d->size());
    std::vector<std::pair<ObjRef, std::int64_t>> items;
    std::size_t pos = 0;
    const Dict::Entry* e;
    while (d->next(pos, e)) items.emplace_back(e->key, e->hash);
    for (auto& kv : items) add_hashed(vm, kv.first.get(), kv.second);
    return;
  }
  ObjRef it = get_iter(vm, iterable);
  while (ObjRef x = iter_next(vm, it.get())) add(vm, x.get());
}

namespace {

Set* self_set(const Args& a) { return static_cast<Set*>(a[0]); }

std::vector<ObjRef> set_items(const Set* s) {
  std::vector<ObjRef> out;
  out.reserve(s->size());
  for (std::size_t i = 0; i < s->slot_count(); ++i)
    if (s->slot(i).key) out.push_back(s->slot(i).key);
  return out;
}

Ref<Set> copy_set(Vm& vm, const Set* s, Type* t) {
  Ref<Set> r = make_set(t);
  r->merge(vm, *s);
  return r;
}

// Materialises any iterable as a set (for operations taking iterables).
Ref<Set> as_set(Vm& vm, Object* o) {
  if (is_set(o)) return Ref<Set>(static_cast<Set*>(o));
  Ref<Set> r = make_set();
  r->add_all(vm, o);
  return r;
}

Ref<Set> set_union(Vm& vm, Set* a, Object* b, Type* t) {
  Ref<Set> r = copy_set(vm, a, t);
  r->add_all(vm, b);
  return r;
}

Ref<Set> set_intersection(Vm& vm, Set* a, Object* bo, Type* t) {
  Ref<Set> b = as_set(vm, bo);
  Ref<Set> r = make_set(t);
  Set* small = a;
  Set* big = b.get();
  if (a->size() > b->size()) std::swap(small, big);
  for (const ObjRef& x : set_items(small))
    if (big->contains(vm, x.get())) r->add(vm, x.get());
  return r;
}

Ref<Set> set_difference(Vm& vm, Set* a, Object* bo, Type* t) {
  Ref<Set> b = as_set(vm, bo);
  Ref<Set> r = make_set(t);
  for (const ObjRef& x : set_items(a))
    if (!b->contains(vm, x.get())) r->add(vm, x.get());
  return r;
}

Ref<Set> set_symmetric(Vm& vm, Set* a, Object* bo, Type* t) {
  Ref<Set> b = as_set(vm, bo);
  Ref<Set> r = copy_set(vm, a, t);
  for (const ObjRef& x : set_items(b.get()))
    if (!r->discard(vm, x.get())) r->add(vm, x.get());
  return r;
}

bool is_subset(Vm& vm, Set* a, Set* b) {
  if (a->size() > b->size()) return false;
  for (const ObjRef& x : set_items(a))
    if (!b->contains(vm, x.get())) return false;
  return true;
}

ObjRef set_repr(Vm& vm, Object* self) {
  auto* s = static_cast<Set*>(self);
  bool frozen = self->type() == &frozenset_type;
  if (s->size() == 0) return make_str(frozen ? "frozenset()" : "set()");
  ReprGuard g(vm, self);
  if (!g.entered()) return make_str(type_name(self) + "(...)");
  std::string out = frozen ? "frozenset({" : "{";
  bool first = true;
  for (const ObjRef& x : set_items(s)) {
    if (!first) out += ", ";
    first = false;
    out += repr_string(vm, x.get());
  }
  out += frozen ? "})" : "}";
  return make_str(std::move(out));
}

ObjRef set_binary(Vm& vm, Object* self, Object* other, BinOp op) {
  if (!is_set(other)) return nullptr;
  auto* a = static_cast<Set*>(self);
  Type* t = self->type();
  switch (op) {
    case BinOp::Or: return set_union(vm, a, other, t);
    case BinOp::And: return set_intersection(vm, a, other, t);
    case BinOp::Sub: return set_difference(vm, a, other, t);
    case BinOp::Xor: return set_symmetric(vm, a, other, t);
    default: return nullptr;
  }
}

ObjRef set_inplace(Vm& vm, Object* self, Object* other, BinOp op) {
  if (self->type() != &set_type || !is_set(other)) return nullptr;
  auto* a = static_cast<Set*>(self);
  Ref<Set> r;
  switch (op) {
    case BinOp::Or: a->add_all(vm, other); return ObjRef(self);
    case BinOp::And: r = set_intersection(vm, a, other, &set_type); break;
    case BinOp::Sub:
      for (const ObjRef& x : set_items(static_cast<Set*>(other))) a->discard(vm, x.get());
      return ObjRef(self);
    case BinOp::Xor: r = set_symmetric(vm, a, other, &set_type); break;
    default: return nullptr;
  }
  a->clear();
  a->merge(vm, *r);
  return ObjRef(self);
}

ObjRef set_compare(Vm& vm, Object* self, Object* other, CmpOp op) {
  if (!is_set(other)) return nullptr;
  auto* a = static_cast<Set*>(self);
  auto* b = static_cast<Set*>(other);
  bool r = false;
  switch (op) {
    case CmpOp::Eq: r = a->size() == b->size() && is_subset(vm, a, b); break;
    case CmpOp::Ne: r = !(a->size() == b->size() && is_subset(vm, a, b)); break;
    case CmpOp::Le: r = is_subset(vm, a, b); break;
    case CmpOp::Lt: r = a->size() < b->size() && is_subset(vm, a, b); break;
    case CmpOp::Ge: r = is_subset(vm, b, a); break;
    case CmpOp::Gt: r = a->size() > b->size() && is_subset(vm, b, a); break;
  }
  return ObjRef(make_bool(r));
}

ObjRef set_construct(Vm& vm, Type* cls, const Args& args) {
  check_no_kwargs(args, cls->name.c_str());
  if (args.npos > 1) raise_type_error(cls->name + " expected at most 1 argument, got " + std::to_string(args.npos));
  Ref<Set> s = make_set(cls);
  if (args.npos == 1) s->add_all(vm, args[0]);
  return s;
}

std::int64_t frozenset_hash(Vm&, Object* self) {
  // CPython's frozenset hash (order independent).
  auto* s = static_cast<Set*>(self);
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < s->slot_count(); ++i) {
    if (!s->slot(i).key) continue;
    auto x = static_cast<std::uint64_t>(s->slot(i).hash);
    h ^= ((x ^ 89869747ull) ^ (x << 16)) * 3644798167ull;
  }
  h ^= (static_cast<std::uint64_t>(s->size()) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  if (h == static_cast<std::uint64_t>(-1)) h = 590923713ull;
  return static_cast<std::int64_t>(h);
}

void add_set_methods(Type* t, bool mutating) {
  add_method(t, "union", [](Vm& vm, const Args& a) -> ObjRef {
    Ref<Set> r = copy_set(vm, self_set(a), a[0]->type());
    for (std::size_t i = 1; i < a.npos; ++i) r->add_all(vm, a[i]);
    return r;
  });
  add_method(t, "intersection", [](Vm& vm, const Args& a) -> ObjRef {
    Ref<Set> r(self_set(a));
    if (a.npos == 1) return copy_set(vm, r.get(), a[0]->type());
    for (std::size_t i = 1; i < a.npos; ++i) r = set_intersection(vm, r.get(), a[i], a[0]->type());
    return r;
  });
  add_method(t, "difference", [](Vm& vm, const Args& a) -> ObjRef {
    Ref<Set> r = copy_set(vm, self_set(a), a[0]->type());
    for (std::size_t i = 1; i < a.npos; ++i) r = set_difference(vm, r.get(), a[i], a[0]->type());
    return r;
  });
  add_method(t, "symmetric_difference", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.symmetric_difference", 2, 2);
    return set_symmetric(vm, self_set(a), a[1], a[0]->type());
  });
  add_method(t, "issubset", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.issubset", 2, 2);
    Ref<Set> b = as_set(vm, a[1]);
    return ObjRef(make_bool(is_subset(vm, self_set(a), b.get())));
  });
  add_method(t, "issuperset", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.issuperset", 2, 2);
    Ref<Set> b = as_set(vm, a[1]);
    return ObjRef(make_bool(is_subset(vm, b.get(), self_set(a))));
  });
  add_method(t, "isdisjoint", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.isdisjoint", 2, 2);
    Ref<Set> b = as_set(vm, a[1]);
    for (const ObjRef& x : set_items(self_set(a)))
      if (b->contains(vm, x.get())) return ObjRef(make_bool(false));
    return ObjRef(make_bool(true));
  });
  add_method(t, "copy", [](Vm& vm, const Args& a) -> ObjRef { return copy_set(vm, self_set(a), a[0]->type()); });
  if (!mutating) return;
  add_method(t, "add", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.add", 2, 2);
    self_set(a)->add(vm, a[1]);
    return ObjRef(none());
  });
  add_method(t, "remove", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.remove", 2, 2);
    if (!self_set(a)->discard(vm, a[1])) raise_key_error(a[1]);
    return ObjRef(none());
  });
  add_method(t, "discard", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.discard", 2, 2);
    self_set(a)->discard(vm, a[1]);
    return ObjRef(none());
  });
  add_method(t, "pop", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.pop", 1, 1);
    Set* s = self_set(a);
    for (std::size_t i = 0; i < s->slot_count(); ++i) {
      if (s->slot(i).key) {
        ObjRef k = s->slot(i).key;
        s->discard(vm, k.get());
        return k;
      }
    }
    raise(&t_KeyError, "pop from an empty set");
  });
  add_method(t, "clear", [](Vm&, const Args& a) -> ObjRef {
    self_set(a)->clear();
    return ObjRef(none());
  });
  add_method(t, "update", [](Vm& vm, const Args& a) -> ObjRef {
    for (std::size_t i = 1; i < a.npos; ++i) self_set(a)->add_all(vm, a[i]);
    return ObjRef(none());
  });
  add_method(t, "intersection_update", [](Vm& vm, const Args& a) -> ObjRef {
    Ref<Set> r(self_set(a));
    for (std::size_t i = 1; i < a.npos; ++i) r = set_intersection(vm, r.get(), a[i], &set_type);
    Ref<Set> keep = r;
    self_set(a)->clear();
    self_set(a)->merge(vm, *keep);
    return ObjRef(none());
  });
  add_method(t, "difference_update", [](Vm& vm, const Args& a) -> ObjRef {
    for (std::size_t i = 1; i < a.npos; ++i)
      for (const ObjRef& x : to_vector(vm, a[i])) self_set(a)->discard(vm, x.get());
    return ObjRef(none());
  });
  add_method(t, "symmetric_difference_update", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set.symmetric_difference_update", 2, 2);
    Ref<Set> r = set_symmetric(vm, self_set(a), a[1], &set_type);
    self_set(a)->clear();
    self_set(a)->merge(vm, *r);
    return ObjRef(none());
  });
}

}  // namespace

void init_set_type() {
  for (Type* t : {&set_type, &frozenset_type}) {
    type_dict(t);
    t->subclassable = false;
    TypeSlots& s = t->slots;
    s.repr = set_repr;
    s.compare = set_compare;
    s.binary = set_binary;
    s.truth = [](Vm&, Object* o) { return static_cast<Set*>(o)->size() ? 1 : 0; };
    s.len = [](Vm&, Object* o) { return static_cast<std::int64_t>(static_cast<Set*>(o)->size()); };
    s.iter = [](Vm&, Object* o) { return make_set_iterator(o); };
    s.contains = [](Vm& vm, Object* self, Object* item) -> int {
      if (is_set(item) && item->type() == &set_type) {
        // A set element may be looked up as the equal frozenset.
        Ref<Set> f = make_set(&frozenset_type);
        f->merge(vm, *static_cast<Set*>(item));
        return static_cast<Set*>(self)->contains(vm, f.get()) ? 1 : 0;
      }
      return static_cast<Set*>(self)->contains(vm, item) ? 1 : 0;
    };
    s.construct = set_construct;
  }
  set_type.slots.inplace = set_inplace;
  set_type.slots.hash = unhashable_hash;
  frozenset_type.slots.hash = frozenset_hash;
  add_set_methods(&set_type, true);
  add_set_methods(&frozenset_type, false);
}

}  // namespace lesson::python
