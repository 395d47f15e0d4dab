#include "python/obj_iter.hpp"

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_set.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type seq_iterator_type("iterator", &object_type);
Type list_iterator_type("list_iterator", &object_type);
Type tuple_iterator_type("tuple_iterator", &object_type);
Type str_iterator_type("str_iterator", &object_type);
Type str_ascii_iterator_type("str_ascii_iterator", &object_type);
Type range_iterator_type("range_iterator", &object_type);
Type dict_keys_type("dict_keys", &object_type);
Type dict_values_type("dict_values", &object_type);
Type dict_items_type("dict_items", &object_type);
Type dict_iterator_type("dict_keyiterator", &object_type);
Type set_iterator_type("set_iterator", &object_type);
Type enumerate_type("enumerate", &object_type);
Type zip_type("zip", &object_type);
Type map_type("map", &object_type);
Type filter_type("filter", &object_type);
Type reversed_type("reversed", &object_type);
Type callable_iterator_type("callable_iterator", &object_type);

namespace {

Type* seq_iterator_type_for(const Object* s) {
  if (s->type() == &list_type) return &list_iterator_type;
  if (s->type() == &tuple_type) return &tuple_iterator_type;
  if (s->type() == &str_type) return static_cast<const Str*>(s)->ascii() ? &str_ascii_iterator_type : &str_iterator_type;
  return &seq_iterator_type;
}

struct SeqIterator : Object {
  explicit SeqIterator(Object* s) : Object(seq_iterator_type_for(s)), seq(s) {}
  ObjRef seq;  // empty when exhausted
  std::int64_t index = 0;
};

struct RangeIterator : Object {
  RangeIterator(std::int64_t s, std::int64_t st, std::int64_t n)
      : Object(&range_iterator_type), next(s), step(st), remaining(n) {}
  std::int64_t next, step, remaining;
};

struct DictIterator : Object {
  DictIterator(Object* d, int k) : Object(&dict_iterator_type), dict(d), kind(k) {
    initial_size = static_cast<Dict*>(d)->size();
  }
  Ref<Object> dict;
  int kind;
  std::size_t pos = 0;
  std::size_t initial_size;
};

struct DictView : Object {
  DictView(Object* d, int k)
      : Object(k == 0 ? &dict_keys_type : k == 1 ? &dict_values_type : &dict_items_type), dict(d), kind(k) {}
  ObjRef dict;
  int kind;
};

struct SetIterator : Object {
  explicit SetIterator(Object* s) : Object(&set_iterator_type), set(s) { initial_size = static_cast<Set*>(s)->size(); }
  ObjRef set;
  std::size_t pos = 0;
  std::size_t initial_size;
};

struct Enumerate : Object {
  Enumerate(ObjRef i, std::int64_t s) : Object(&enumerate_type), it(std::move(i)), count(s) {}
  ObjRef it;
  std::int64_t count;
};

struct Zip : Object {
  Zip() : Object(&zip_type) {}
  std::vector<ObjRef> its;
  bool strict = false;
};

struct MapIter : Object {
  MapIter() : Object(&map_type) {}
  ObjRef func;
  std::vector<ObjRef> its;
};

struct FilterIter : Object {
  FilterIter(ObjRef f, ObjRef i) : Object(&filter_type), func(std::move(f)), it(std::move(i)) {}
  ObjRef func, it;
};

struct Reversed : Object {
  Reversed(ObjRef s, std::int64_t n) : Object(&reversed_type), seq(std::move(s)), index(n - 1) {}
  ObjRef seq;
  std::int64_t index;
};

struct CallableIterator : Object {
  CallableIterator(ObjRef f, ObjRef s) : Object(&callable_iterator_type), func(std::move(f)), sentinel(std::move(s)) {}
  ObjRef func, sentinel;
  bool done = false;
};

ObjRef self_iter(Vm&, Object* o) { return ObjRef(o); }

ObjRef seq_next(Vm& vm, Object* self) {
  auto* it = static_cast<SeqIterator*>(self);
  if (!it->seq) return nullptr;
  Object* s = it->seq.get();
  std::int64_t i = it->index;
  if (s->type() == &list_type || is_list(s)) {
    auto* l = static_cast<List*>(s);
    if (static_cast<std::size_t>(i) < l->size()) {
      ++it->index;
      return l->items[static_cast<std::size_t>(i)];
    }
  } else if (is_tuple(s)) {
    auto* t = static_cast<Tuple*>(s);
    if (static_cast<std::size_t>(i) < t->size()) {
      ++it->index;
      return t->items[static_cast<std::size_t>(i)];
    }
  } else if (is_str(s)) {
    auto* st = static_cast<Str*>(s);
    if (i < st->length()) {
      ++it->index;
      if (st->ascii()) return make_str(std::string(1, st->value[static_cast<std::size_t>(i)]));
      // Walk from the previous byte position would be faster; strings are short.
      return make_str(st->char_at(i));
    }
  } else {
    ObjRef idx = make_int(i);
    try {
      ObjRef v = getitem(vm, s, idx.get());
      ++it->index;
      return v;
    } catch (PyError& e) {
      if (!isinstance(e.exc.get(), &t_IndexError) && !isinstance(e.exc.get(), &t_StopIteration)) throw;
    }
  }
  it->seq.reset();
  return nullptr;
}

ObjRef dict_iter_next(Vm&, Object* self) {
  auto* it = static_cast<DictIterator*>(self);
  auto* d = static_cast<Dict*>(it->dict.get());
  if (d->size() != it->initial_size) {
    it->initial_size = static_cast<std::size_t>(-1);
    raise(&t_RuntimeError, "dictionary changed size during iteration");
  }
  const Dict::Entry* e;
  if (!d->next(it->pos, e)) return nullptr;
  if (it->kind == 0) return e->key;
  if (it->kind == 1) return e->value;
  return make_tuple({e->key.get(), e->value.get()});
}

ObjRef set_iter_next(Vm&, Object* self) {
  auto* it = static_cast<SetIterator*>(self);
  auto* s = static_cast<Set*>(it->set.get());
  if (s->size() != it->initial_size) {
    it->initial_size = static_cast<std::size_t>(-1);
    raise(&t_RuntimeError, "Set changed size during iteration");
  }
  while (it->pos < s->slot_count()) {
    const Set::Slot& slot = s->slot(it->pos++);
    if (slot.key) return slot.key;
  }
  return nullptr;
}

ObjRef view_repr(Vm& vm, Object* self) {
  auto* v = static_cast<DictView*>(self);
  ObjRef it = make_dict_iterator(v->dict.get(), v->kind);
  std::vector<ObjRef> items = to_vector(vm, it.get());
  return make_str(self->type()->name + "(" + sequence_repr(vm, self, items, "[", "]") + ")");
}

Ref<Set> view_as_set(Vm& vm, Object* o) {
  Ref<Set> s = make_set();
  s->add_all(vm, o);
  return s;
}

}  // namespace

ObjRef make_seq_iterator(Object* seq) { return ObjRef(new SeqIterator(seq)); }
ObjRef make_range_iterator(std::int64_t start, std::int64_t step, std::int64_t count) {
  return ObjRef(new RangeIterator(start, step, count));
}
ObjRef make_dict_iterator(Object* dict, int kind) { return ObjRef(new DictIterator(dict, kind)); }
ObjRef make_dict_view(Object* dict, int kind) { return ObjRef(new DictView(dict, kind)); }
ObjRef make_set_iterator(Object* set) { return ObjRef(new SetIterator(set)); }

void init_iter_types() {
  for (Type* t : {&seq_iterator_type, &range_iterator_type, &dict_iterator_type, &set_iterator_type, &enumerate_type,
                  &zip_type, &map_type, &filter_type, &reversed_type, &callable_iterator_type, &dict_keys_type,
                  &dict_values_type, &dict_items_type}) {
    type_dict(t);
    t->subclassable = false;
  }
  for (Type* t : {&seq_iterator_type, &list_iterator_type, &tuple_iterator_type, &str_iterator_type,
                  &str_ascii_iterator_type}) {
    type_dict(t);
    t->subclassable = false;
    t->slots.iter = self_iter;
    t->slots.next = seq_next;
  }
  range_iterator_type.slots.iter = self_iter;
  range_iterator_type.slots.next = [](Vm&, Object* self) -> ObjRef {
    auto* it = static_cast<RangeIterator*>(self);
    if (it->remaining <= 0) return nullptr;
    --it->remaining;
    std::int64_t v = it->next;
    it->next += it->step;
    return make_int(v);
  };
  dict_iterator_type.slots.iter = self_iter;
  dict_iterator_type.slots.next = dict_iter_next;
  set_iterator_type.slots.iter = self_iter;
  set_iterator_type.slots.next = set_iter_next;

  for (Type* t : {&dict_keys_type, &dict_values_type, &dict_items_type}) {
    t->slots.repr = view_repr;
    t->slots.len = [](Vm&, Object* o) {
      return static_cast<std::int64_t>(static_cast<Dict*>(static_cast<DictView*>(o)->dict.get())->size());
    };
    t->slots.iter = [](Vm&, Object* o) {
      auto* v = static_cast<DictView*>(o);
      return make_dict_iterator(v->dict.get(), v->kind);
    };
    t->slots.contains = [](Vm& vm, Object* self, Object* item) -> int {
      auto* v = static_cast<DictView*>(self);
      auto* d = static_cast<Dict*>(v->dict.get());
      if (v->kind == 0) return d->get(vm, item) ? 1 : 0;
      if (v->kind == 2) {
        if (!is_tuple(item) || static_cast<Tuple*>(item)->size() != 2) return 0;
        Object* val = d->get(vm, (*static_cast<Tuple*>(item))[0]);
        return val && equal(vm, val, (*static_cast<Tuple*>(item))[1]) ? 1 : 0;
      }
      ObjRef it = make_dict_iterator(d, 1);
      while (ObjRef x = iter_next(vm, it.get()))
        if (equal(vm, x.get(), item)) return 1;
      return 0;
    };
  }
  for (Type* t : {&dict_keys_type, &dict_items_type}) {
    t->slots.binary = [](Vm& vm, Object* self, Object* other, BinOp op) -> ObjRef {
      if (op != BinOp::And && op != BinOp::Or && op != BinOp::Sub && op != BinOp::Xor) return nullptr;
      Ref<Set> a = view_as_set(vm, self);
      Ref<Set> b = view_as_set(vm, other);
      return binary_op(vm, a.get(), b.get(), op);
    };
    t->slots.compare = [](Vm& vm, Object* self, Object* other, CmpOp op) -> ObjRef {
      if (!is_set(other) && other->type() != self->type()) return nullptr;
      Ref<Set> a = view_as_set(vm, self);
      Ref<Set> b = view_as_set(vm, other);
      return compare(vm, a.get(), b.get(), op);
    };
  }

  enumerate_type.slots.iter = self_iter;
  enumerate_type.slots.next = [](Vm& vm, Object* self) -> ObjRef {
    auto* e = static_cast<Enumerate*>(self);
    ObjRef v = iter_next(vm, e->it.get());
    if (!v) return nullptr;
    ObjRef i = make_int(e->count++);
    return make_tuple({i.get(), v.get()});
  };
  enumerate_type.slots.construct = [](Vm& vm, Type*, const Args& args) -> ObjRef {
    Object* out[2] = {nullptr, nullptr};
    parse_args(args, "enumerate", {"iterable", "start"}, 1, out);
    std::int64_t start = out[1] ? index_value(vm, out[1]) : 0;
    return ObjRef(new Enumerate(get_iter(vm, out[0]), start));
  };

  zip_type.slots.iter = self_iter;
  zip_type.slots.next = [](Vm& vm, Object* self) -> ObjRef {
    auto* z = static_cast<Zip*>(self);
    if (z->its.empty()) return nullptr;
    std::vector<ObjRef> items;
    items.reserve(z->its.size());
    for (std::size_t k = 0; k < z->its.size(); ++k) {
      ObjRef v = iter_next(vm, z->its[k].get());
      if (!v) {
        if (z->strict) {
          if (k > 0)
            raise_value_error("zip() argument " + std::to_string(k + 1) + " is shorter than argument" +
                              (k == 1 ? " 1" : "s 1-" + std::to_string(k)));
          for (std::size_t j = 1; j < z->its.size(); ++j)
            if (iter_next(vm, z->its[j].get()))
              raise_value_error("zip() argument " + std::to_string(j + 1) + " is longer than argument" +
                                (j == 1 ? " 1" : "s 1-" + std::to_string(j)));
        }
        z->its.clear();
        return nullptr;
      }
      items.push_back(std::move(v));
    }
    return make_tuple(std::move(items));
  };
  zip_type.slots.construct = [](Vm& vm, Type*, const Args& args) -> ObjRef {
    Ref<Zip> z(new Zip());
    for (std::size_t k = 0; k < args.nkw(); ++k) {
      if (str_value((*args.kwnames)[k]) == "strict") z->strict = truthy(vm, args.kwvalues[k].get());
      else raise_type_error("zip() got an unexpected keyword argument '" + str_value((*args.kwnames)[k]) + "'");
    }
    for (std::size_t k = 0; k < args.npos; ++k) z->its.push_back(get_iter(vm, args[k]));
    return z;
  };

  map_type.slots.iter = self_iter;
  map_type.slots.next = [](Vm& vm, Object* self) -> ObjRef {
    auto* m = static_cast<MapIter*>(self);
    std::vector<ObjRef> vals;
    for (ObjRef& it : m->its) {
      ObjRef v = iter_next(vm, it.get());
      if (!v) return nullptr;
      vals.push_back(std::move(v));
    }
    return vm.call(m->func.get(), Args{vals.data(), vals.size(), nullptr, nullptr});
  };
  map_type.slots.construct = [](Vm& vm, Type*, const Args& args) -> ObjRef {
    check_no_kwargs(args, "map");
    if (args.npos < 2) raise_type_error("map() must have at least two arguments.");
    Ref<MapIter> m(new MapIter());
    m->func = args.pos[0];
    for (std::size_t k = 1; k < args.npos; ++k) m->its.push_back(get_iter(vm, args[k]));
    return m;
  };

  filter_type.slots.iter = self_iter;
  filter_type.slots.next = [](Vm& vm, Object* self) -> ObjRef {
    auto* f = static_cast<FilterIter*>(self);
    for (;;) {
      ObjRef v = iter_next(vm, f->it.get());
      if (!v) return nullptr;
      bool keep;
      if (is_none(f->func.get())) {
        keep = truthy(vm, v.get());
      } else {
        ObjRef r = vm.call(f->func.get(), {v.get()});
        keep = truthy(vm, r.get());
      }
      if (keep) return v;
    }
  };
  filter_type.slots.construct = [](Vm& vm, Type*, const Args& args) -> ObjRef {
    check_no_kwargs(args, "filter");
    if (args.npos != 2) raise_type_error("filter expected 2 arguments, got " + std::to_string(args.npos));
    return ObjRef(new FilterIter(args.pos[0], get_iter(vm, args[1])));
  };

  reversed_type.slots.iter = self_iter;
  reversed_type.slots.next = [](Vm& vm, Object* self) -> ObjRef {
    auto* r = static_cast<Reversed*>(self);
    if (r->index < 0 || !r->seq) return nullptr;
    ObjRef idx = make_int(r->index--);
    try {
      return getitem(vm, r->seq.get(), idx.get());
    } catch (PyError& e) {
      if (!isinstance(e.exc.get(), &t_IndexError)) throw;
      r->seq.reset();
      return nullptr;
    }
  };
  reversed_type.slots.construct = [](Vm& vm, Type*, const Args& args) -> ObjRef {
    check_no_kwargs(args, "reversed");
    if (args.npos != 1) raise_type_error("reversed expected 1 argument, got " + std::to_string(args.npos));
    Object* seq = args[0];
    if (ObjRef m = lookup_special(vm, seq, "__reversed__")) return vm.call(m.get(), {});
    if (seq->type() == &dict_type || seq->type() == &dict_keys_type) {
      Object* d = seq->type() == &dict_type ? seq : static_cast<DictView*>(seq)->dict.get();
      std::vector<ObjRef> keys = to_vector(vm, d);
      std::reverse(keys.begin(), keys.end());
      return make_seq_iterator(make_list(std::move(keys)).get());
    }
    if (!seq->type()->slots.getitem || !seq->type()->slots.len || is_dict(seq) || is_set(seq))
      raise_type_error("'" + type_name(seq) + "' object is not reversible");
    return ObjRef(new Reversed(ObjRef(seq), length(vm, seq)));
  };

  callable_iterator_type.slots.iter = self_iter;
  callable_iterator_type.slots.next = [](Vm& vm, Object* self) -> ObjRef {
    auto* c = static_cast<CallableIterator*>(self);
    if (c->done) return nullptr;
    ObjRef v = vm.call(c->func.get(), {});
    if (equal(vm, v.get(), c->sentinel.get())) {
      c->done = true;
      return nullptr;
    }
    return v;
  };
}

ObjRef make_callable_iterator(ObjRef func, ObjRef sentinel) {
  return ObjRef(new CallableIterator(std::move(func), std::move(sentinel)));
}

}  // namespace lesson::python
