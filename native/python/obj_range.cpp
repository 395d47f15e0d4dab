#include "python/obj_range.hpp"

#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type range_type("range", &object_type);
Type slice_type("slice", &object_type);

std::int64_t Range::length() const {
  if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
  return 0;
}

void Slice::indices(Vm& vm, std::int64_t length, std::int64_t& b, std::int64_t& e, std::int64_t& s,
                    std::int64_t& count) const {
  const char* msg = "slice indices must be integers or None or have an __index__ method";
  s = is_none(step.get()) ? 1 : index_value(vm, step.get(), msg);
  if (s == 0) raise_value_error("slice step cannot be zero");
  std::int64_t lower = s < 0 ? -1 : 0;
  std::int64_t upper = s < 0 ? length - 1 : length;
  auto clamp = [&](Object* v, std::int64_t def) -> std::int64_t {
    if (is_none(v)) return def;
    std::int64_t x = index_value(vm, v, msg);
    if (x < 0) {
      x += length;
      if (x < lower) x = lower;
    } else if (x > upper) {
      x = upper;
    }
    return x;
  };
  b = clamp(start.get(), s < 0 ? upper : lower);
  e = clamp(stop.get(), s < 0 ? lower : upper);
  if (s < 0) count = e < b ? (b - e - 1) / (-s) + 1 : 0;
  else count = b < e ? (e - b - 1) / s + 1 : 0;
}

namespace {

std::int64_t range_arg(Vm& vm, Object* o) {
  if (!has_index(o)) raise_type_error("'" + type_name(o) + "' object cannot be interpreted as an integer");
  return index_value(vm, o);
}

ObjRef range_construct(Vm& vm, Type*, const Args& args) {
  check_no_kwargs(args, "range");
  if (args.npos == 0) raise_type_error("range expected at least 1 argument, got 0");
  if (args.npos > 3) raise_type_error("range expected at most 3 arguments, got " + std::to_string(args.npos));
  std::int64_t b = 0, e, s = 1;
  if (args.npos == 1) {
    e = range_arg(vm, args[0]);
  } else {
    b = range_arg(vm, args[0]);
    e = range_arg(vm, args[1]);
    if (args.npos == 3) s = range_arg(vm, args[2]);
  }
  if (s == 0) raise_value_error("range() arg 3 must not be zero");
  return ObjRef(new Range(b, e, s));
}

ObjRef range_getitem(Vm& vm, Object* self, Object* key) {
  auto* r = static_cast<Range*>(self);
  if (key->type() == &slice_type) {
    std::int64_t b, e, s, count;
    static_cast<Slice*>(key)->indices(vm, r->length(), b, e, s, count);
    return ObjRef(new Range(r->at(b), r->at(e), r->step * s));
  }
  if (!has_index(key)) raise_type_error("range indices must be integers or slices, not " + type_name(key));
  std::int64_t i = normalize_index(index_value(vm, key), r->length(), "range object index out of range");
  return make_int(r->at(i));
}

bool range_has(const Range* r, std::int64_t v) {
  if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return false;
  return (v - r->start) % r->step == 0;
}

}  // namespace

void init_range_type() {
  type_dict(&range_type);
  range_type.subclassable = false;
  TypeSlots& s = range_type.slots;
  s.repr = [](Vm&, Object* o) -> ObjRef {
    auto* r = static_cast<Range*>(o);
    std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1) out += ", " + std::to_string(r->step);
    return make_str(out + ")");
  };
  s.len = [](Vm&, Object* o) { return static_cast<Range*>(o)->length(); };
  s.truth = [](Vm&, Object* o) { return static_cast<Range*>(o)->length() ? 1 : 0; };
  s.getitem = range_getitem;
  s.iter = [](Vm&, Object* o) {
    auto* r = static_cast<Range*>(o);
    return make_range_iterator(r->start, r->step, r->length());
  };
  s.contains = [](Vm& vm, Object* self, Object* item) -> int {
    auto* r = static_cast<Range*>(self);
    if (is_int(item)) return range_has(r, int_value(item)) ? 1 : 0;
    for (std::int64_t i = 0; i < r->length(); ++i) {
      ObjRef v = make_int(r->at(i));
      if (equal(vm, v.get(), item)) return 1;
    }
    return 0;
  };
  s.compare = [](Vm&, Object* self, Object* other, CmpOp op) -> ObjRef {
    if (other->type() != &range_type || (op != CmpOp::Eq && op != CmpOp::Ne)) return nullptr;
    auto* a = static_cast<Range*>(self);
    auto* b = static_cast<Range*>(other);
    bool eq = a->length() == b->length() &&
              (a->length() == 0 || (a->start == b->start && (a->length() == 1 || a->step == b->step)));
    return ObjRef(make_bool(op == CmpOp::Eq ? eq : !eq));
  };
  s.construct = range_construct;
  add_getter(&range_type, "start", [](Vm&, const Args& a) -> ObjRef { return make_int(static_cast<Range*>(a[0])->start); });
  add_getter(&range_type, "stop", [](Vm&, const Args& a) -> ObjRef { return make_int(static_cast<Range*>(a[0])->stop); });
  add_getter(&range_type, "step", [](Vm&, const Args& a) -> ObjRef { return make_int(static_cast<Range*>(a[0])->step); });
  add_method(&range_type, "index", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "range.index", 2, 2);
    auto* r = static_cast<Range*>(a[0]);
    if (is_int(a[1]) && range_has(r, int_value(a[1]))) return make_int((int_value(a[1]) - r->start) / r->step);
    raise_value_error(std::to_string(is_int(a[1]) ? int_value(a[1]) : 0) + " is not in range");
  });
  add_method(&range_type, "count", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "range.count", 2, 2);
    return make_int(is_int(a[1]) && range_has(static_cast<Range*>(a[0]), int_value(a[1])) ? 1 : 0);
  });
}

void init_slice_type() {
  type_dict(&slice_type);
  slice_type.subclassable = false;
  TypeSlots& s = slice_type.slots;
  s.repr = [](Vm& vm, Object* o) -> ObjRef {
    auto* sl = static_cast<Slice*>(o);
    return make_str("slice(" + repr_string(vm, sl->start.get()) + ", " + repr_string(vm, sl->stop.get()) + ", " +
                    repr_string(vm, sl->step.get()) + ")");
  };
  s.construct = [](Vm&, Type*, const Args& args) -> ObjRef {
    check_no_kwargs(args, "slice");
    if (args.npos == 0) raise_type_error("slice expected at least 1 argument, got 0");
    if (args.npos > 3) raise_type_error("slice expected at most 3 arguments, got " + std::to_string(args.npos));
    if (args.npos == 1) return ObjRef(new Slice(ObjRef(none()), args.pos[0], ObjRef(none())));
    return ObjRef(new Slice(args.pos[0], args.pos[1], args.npos > 2 ? args.pos[2] : ObjRef(none())));
  };
  s.compare = [](Vm& vm, Object* self, Object* other, CmpOp op) -> ObjRef {
    if (other->type() != &slice_type) return nullptr;
    auto* a = static_cast<Slice*>(self);
    auto* b = static_cast<Slice*>(other);
    Ref<Tuple> ta = make_tuple({a->start.get(), a->stop.get(), a->step.get()});
    Ref<Tuple> tb = make_tuple({b->start.get(), b->stop.get(), b->step.get()});
    return compare(vm, ta.get(), tb.get(), op);
  };
  add_getter(&slice_type, "start", [](Vm&, const Args& a) -> ObjRef { return static_cast<Slice*>(a[0])->start; });
  add_getter(&slice_type, "stop", [](Vm&, const Args& a) -> ObjRef { return static_cast<Slice*>(a[0])->stop; });
  add_getter(&slice_type, "step", [](Vm&, const Args& a) -> ObjRef { return static_cast<Slice*>(a[0])->step; });
  add_method(&slice_type, "indices", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "indices", 2, 2);
    std::int64_t b, e, st, c;
    static_cast<Slice*>(a[0])->indices(vm, index_value(vm, a[1]), b, e, st, c);
    return make_tuple({make_int(b).get(), make_int(e).get(), make_int(st).get()});
  });
}

}  // namespace lesson::python
