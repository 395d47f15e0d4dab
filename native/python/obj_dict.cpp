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

Type dict_type("dict", &object_type);

std::uint64_t g_dict_versions = 0;

Ref<Dict> make_dict() { return Ref<Dict>(new Dict()); }

Dict::~Dict() {
  if (attrs) decref(attrs);
}

namespace {
constexpr std::int32_t kEmpty = -1;
constexpr std::int32_t kDeleted = -2;

std::int64_t str_key_hash(const Str* s) { return s->hash(); }
}  // namespace

std::int64_t Dict::str_hash_of(const Str* key) { return key->hash(); }

void Dict::reserve(std::size_t n) {
  if (n <= entries_.size()) return;
  entries_.reserve(n);
  if (index_.empty()) {
    std::size_t size = 8;
    while (size * 2 <= n * 3) size <<= 1;
    index_.assign(size, kEmpty);
  }
}

std::int64_t Dict::find_str(const Str* key, std::int64_t h) const {
  if (index_.empty()) return -1;
  std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(h);
  std::size_t i = static_cast<std::size_t>(h) & mask;
  for (;;) {
    std::int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const Entry& e = entries_[static_cast<std::size_t>(ix)];
      if (e.key.get() == key) return ix;
      if (e.hash == h && is_str(e.key.get()) && str_value(e.key.get()) == key->value) return ix;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

std::int64_t Dict::find(Vm* vm, Object* key, std::int64_t h) const {
  if (is_str(key)) return find_str(static_cast<Str*>(key), h);
  if (index_.empty()) return -1;
  std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(h);
  std::size_t i = static_cast<std::size_t>(h) & mask;
  for (;;) {
    std::int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const Entry& e = entries_[static_cast<std::size_t>(ix)];
      if (e.key.get() == key) return ix;
      if (e.hash == h) {
        ObjRef k = e.key;  // keep alive across a user __eq__
        if (vm ? equal(*vm, k.get(), key) : false) return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void Dict::rebuild(std::size_t min_index_size) {
  // Compact the entries and rebuild the index.
  std::vector<Entry> live;
  live.reserve(used_);
  for (Entry& e : entries_)
    if (e.key) live.push_back(std::move(e));
  entries_.swap(live);
  std::size_t size = 8;
  while (size < min_index_size) size <<= 1;
  index_.assign(size, kEmpty);
  std::size_t mask = size - 1;
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    std::int64_t h = entries_[k].hash;
    auto perturb = static_cast<std::uint64_t>(h);
    std::size_t i = static_cast<std::size_t>(h) & mask;
    while (index_[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = static_cast<std::int32_t>(k);
  }
}

void Dict::insert_new(std::int64_t h, Object* key, Object* value) {
  if (index_.empty() || (entries_.size() + 1) * 3 >= index_.size() * 2) rebuild((used_ + 1) * 3);
  std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(h);
  std::size_t i = static_cast<std::size_t>(h) & mask;
  while (index_[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index_[i] = static_cast<std::int32_t>(entries_.size());
  entries_.push_back(Entry{h, ObjRef(key), ObjRef(value)});
  ++used_;
  version_ = ++g_dict_versions;
}

void Dict::remove_at(std::int64_t ix) {
  Entry& e = entries_[static_cast<std::size_t>(ix)];
  std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(e.hash);
  std::size_t i = static_cast<std::size_t>(e.hash) & mask;
  while (index_[i] != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index_[i] = kDeleted;
  ObjRef k = std::move(e.key), v = std::move(e.value);  // released after the table is consistent
  e.key.reset();
  e.value.reset();
  --used_;
  version_ = ++g_dict_versions;
}

Object* Dict::get(Vm& vm, Object* key) const {
  std::int64_t ix = find(&vm, key, hash(vm, key));
  return ix < 0 ? nullptr : entries_[static_cast<std::size_t>(ix)].value.get();
}

void Dict::set(Vm& vm, Object* key, Object* value) {
  std::int64_t h = hash(vm, key);
  std::int64_t ix = find(&vm, key, h);
  if (ix >= 0) {
    ObjRef old = std::move(entries_[static_cast<std::size_t>(ix)].value);
    entries_[static_cast<std::size_t>(ix)].value = ObjRef(value);
    return;
  }
  insert_new(h, key, value);
}

bool Dict::remove(Vm& vm, Object* key) {
  std::int64_t ix = find(&vm, key, hash(vm, key));
  if (ix < 0) return false;
  remove_at(ix);
  return true;
}

Object* Dict::get_str(const Str* key) const {
  std::int64_t ix = find_str(key, str_key_hash(key));
  return ix < 0 ? nullptr : entries_[static_cast<std::size_t>(ix)].value.get();
}

Object* Dict::get_str(std::string_view key) const { return get_str(intern(key)); }

void Dict::set_str(Str* key, Object* value) {
  std::int64_t h = str_key_hash(key);
  std::int64_t ix = find_str(key, h);
  if (ix >= 0) {
    ObjRef old = std::move(entries_[static_cast<std::size_t>(ix)].value);
    entries_[static_cast<std::size_t>(ix)].value = ObjRef(value);
    return;
  }
  insert_new(h, key, value);
}

void Dict::set_str(std::string_view key, Object* value) { set_str(intern(key), value); }

bool Dict::remove_str(const Str* key) {
  std::int64_t ix = find_str(key, str_key_hash(key));
  if (ix < 0) return false;
  remove_at(ix);
  return true;
}

void Dict::clear() {
  std::vector<Entry> old;
  old.swap(entries_);
  index_.clear();
  used_ = 0;
  version_ = ++g_dict_versions;
  // `old` is destroyed here, after the dict is already empty.
}

bool Dict::pop_last(ObjRef& key, ObjRef& value) {
  for (std::size_t k = entries_.size(); k-- > 0;) {
    if (entries_[k].key) {
      key = entries_[k].key;
      value = entries_[k].value;
      remove_at(static_cast<std::int64_t>(k));
      return true;
    }
  }
  return false;
}

namespace {

Dict* self_dict(const Args& a) { return static_cast<Dict*>(a[0]); }

// dict.update / dict(...) argument handling.
void dict_update_from(Vm& vm, Dict* d, Object* other) {
  if (is_dict(other)) {
    auto* o = static_cast<Dict*>(other);
    std::vector<std::pair<ObjRef, ObjRef>> items;
    std::size_t pos = 0;
    const Dict::Entry* e;
    while (o->next(pos, e)) items.emplace_back(e->key, e->value);
    for (auto& kv : items) d->set(vm, kv.first.get(), kv.second.get());
    return;
  }
  if (ObjRef keys = getattr_opt(vm, other, intern("keys"))) {
    ObjRef ks = vm.call(keys.get(), {});
    for (const ObjRef& k : to_vector(vm, ks.get())) {
      ObjRef v = getitem(vm, other, k.get());
      d->set(vm, k.get(), v.get());
    }
    return;
  }
  ObjRef it = get_iter(vm, other);
  std::int64_t n = 0;
  while (ObjRef item = iter_next(vm, it.get())) {
    std::vector<ObjRef> pair;
    if (!is_tuple(item.get()) && !is_list(item.get()) && !lookup_special(vm, item.get(), "__iter__"))
      raise_type_error("cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
    pair = to_vector(vm, item.get());
    if (pair.size() != 2)
      raise_value_error("dictionary update sequence element #" + std::to_string(n) + " has length " +
                        std::to_string(pair.size()) + "; 2 is required");
    d->set(vm, pair[0].get(), pair[1].get());
    ++n;
  }
}

void dict_update_kwargs(Vm& vm, Dict* d, const Args& a) {
  for (std::size_t k = 0; k < a.nkw(); ++k) d->set(vm, (*a.kwnames)[k], a.kwvalues[k].get());
}

ObjRef dict_construct(Vm& vm, Type* cls, const Args& args) {
  if (args.npos > 1) raise_type_error("dict expected at most 1 argument, got " + std::to_string(args.npos));
  Ref<Dict> d(new Dict(cls));
  if (cls != &dict_type) {
    d->attrs = new Dict();
    incref(d->attrs);
  }
  if (args.npos == 1) dict_update_from(vm, d.get(), args[0]);
  dict_update_kwargs(vm, d.get(), args);
  return d;
}

ObjRef dict_repr(Vm& vm, Object* self) {
  auto* d = static_cast<Dict*>(self);
  ReprGuard g(vm, self);
  if (!g.entered()) return make_str("{...}");
  std::string out = "{";
  std::size_t pos = 0;
  const Dict::Entry* e;
  bool first = true;
  while (d->next(pos, e)) {
    ObjRef k = e->key, v = e->value;
    if (!first) out += ", ";
    first = false;
    out += repr_string(vm, k.get());
    out += ": ";
    out += repr_string(vm, v.get());
  }
  out += "}";
  return make_str(std::move(out));
}

ObjRef dict_getitem(Vm& vm, Object* self, Object* key) {
  auto* d = static_cast<Dict*>(self);
  if (Object* v = d->get(vm, key)) return ObjRef(v);
  if (self->type() != &dict_type) {
    if (Object* missing = type_lookup(self->type(), "__missing__")) {
      (void)missing;
      ObjRef m = getattr(vm, self, intern("__missing__"));
      return vm.call(m.get(), {key});
    }
  }
  raise_key_error(key);
}

ObjRef dict_compare(Vm& vm, Object* self, Object* other, CmpOp op) {
  if (!is_dict(other) || (op != CmpOp::Eq && op != CmpOp::Ne)) return nullptr;
  auto* a = static_cast<Dict*>(self);
  auto* b = static_cast<Dict*>(other);
  bool eq = a->size() == b->size();
  if (eq) {
    std::size_t pos = 0;
    const Dict::Entry* e;
    while (a->next(pos, e)) {
      ObjRef k = e->key, v = e->value;
      Object* ov = b->get(vm, k.get());
      if (!ov || !equal(vm, v.get(), ov)) {
        eq = false;
        break;
      }
    }
  }
  return ObjRef(make_bool(op == CmpOp::Eq ? eq : !eq));
}

}  // namespace

void init_dict_type() {
  type_dict(&dict_type);
  TypeSlots& s = dict_type.slots;
  s.repr = dict_repr;
  s.compare = dict_compare;
  s.truth = [](Vm&, Object* o) { return static_cast<Dict*>(o)->size() ? 1 : 0; };
  s.len = [](Vm&, Object* o) { return static_cast<std::int64_t>(static_cast<Dict*>(o)->size()); };
  s.getitem = dict_getitem;
  s.setitem = [](Vm& vm, Object* self, Object* key, Object* value) {
    auto* d = static_cast<Dict*>(self);
    if (value) d->set(vm, key, value);
    else if (!d->remove(vm, key)) raise_key_error(key);
  };
  s.iter = [](Vm&, Object* o) { return make_dict_iterator(o, 0); };
  s.contains = [](Vm& vm, Object* self, Object* item) -> int {
    return static_cast<Dict*>(self)->get(vm, item) ? 1 : 0;
  };
  s.construct = dict_construct;
  s.hash = unhashable_hash;
  s.binary = [](Vm& vm, Object* self, Object* other, BinOp op) -> ObjRef {
    if (op != BinOp::Or || !is_dict(other)) return nullptr;
    Ref<Dict> d = make_dict();
    dict_update_from(vm, d.get(), self);
    dict_update_from(vm, d.get(), other);
    return d;
  };
  s.inplace = [](Vm& vm, Object* self, Object* other, BinOp op) -> ObjRef {
    if (op != BinOp::Or) return nullptr;
    dict_update_from(vm, static_cast<Dict*>(self), other);
    return ObjRef(self);
  };

  Type* t = &dict_type;
  add_method(t, "keys", [](Vm&, const Args& a) { check_nargs(a, "dict.keys", 1, 1); return make_dict_view(a[0], 0); });
  add_method(t, "values", [](Vm&, const Args& a) { check_nargs(a, "dict.values", 1, 1); return make_dict_view(a[0], 1); });
  add_method(t, "items", [](Vm&, const Args& a) { check_nargs(a, "dict.items", 1, 1); return make_dict_view(a[0], 2); });
  add_method(t, "get", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "dict.get", 2, 3);
    if (Object* v = self_dict(a)->get(vm, a[1])) return ObjRef(v);
    return ObjRef(a.npos > 2 ? a[2] : none());
  });
  add_method(t, "setdefault", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "dict.setdefault", 2, 3);
    if (Object* v = self_dict(a)->get(vm, a[1])) return ObjRef(v);
    Object* def = a.npos > 2 ? a[2] : none();
    self_dict(a)->set(vm, a[1], def);
    return ObjRef(def);
  });
  add_method(t, "pop", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "dict.pop", 2, 3);
    Dict* d = self_dict(a);
    if (Object* v = d->get(vm, a[1])) {
      ObjRef keep(v);
      d->remove(vm, a[1]);
      return keep;
    }
    if (a.npos > 2) return ObjRef(a[2]);
    raise_key_error(a[1]);
  });
  add_method(t, "popitem", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "dict.popitem", 1, 1);
    ObjRef k, v;
    if (!self_dict(a)->pop_last(k, v)) raise(&t_KeyError, "popitem(): dictionary is empty");
    return make_tuple({k.get(), v.get()});
  });
  add_method(t, "update", [](Vm& vm, const Args& a) -> ObjRef {
    if (a.npos > 2) raise_type_error("update expected at most 1 argument, got " + std::to_string(a.npos - 1));
    if (a.npos > 1) dict_update_from(vm, self_dict(a), a[1]);
    dict_update_kwargs(vm, self_dict(a), a);
    return ObjRef(none());
  });
  add_method(t, "__init__", [](Vm& vm, const Args& a) -> ObjRef {
    if (a.npos > 2) raise_type_error("dict expected at most 1 argument, got " + std::to_string(a.npos - 1));
    if (a.npos > 1) dict_update_from(vm, self_dict(a), a[1]);
    dict_update_kwargs(vm, self_dict(a), a);
    return ObjRef(none());
  });
  add_method(t, "clear", [](Vm&, const Args& a) -> ObjRef {
    self_dict(a)->clear();
    return ObjRef(none());
  });
  add_method(t, "copy", [](Vm& vm, const Args& a) -> ObjRef {
    Ref<Dict> d = make_dict();
    dict_update_from(vm, d.get(), a[0]);
    return d;
  });
  auto fromkeys = make_native("fromkeys", [](Vm& vm, const Args& a) -> ObjRef {
    // Called through classmethod: a[0] is the class.
    check_nargs(a, "dict.fromkeys", 2, 3);
    Ref<Dict> d = make_dict();
    Object* v = a.npos > 2 ? a[2] : none();
    for (const ObjRef& k : to_vector(vm, a[1])) d->set(vm, k.get(), v);
    return d;
  });
  type_dict(t)->set_str("fromkeys", ObjRef(new ClassMethod(fromkeys)).get());
}

}  // namespace lesson::python
