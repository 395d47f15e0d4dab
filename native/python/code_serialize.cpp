#include "python/code_serialize.hpp"

#include <cstdint>
#include <cstring>

#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"

namespace lesson::python {

namespace {

constexpr char kMagic[4] = {'L', 'P', 'Y', '1'};

// Constant tags.
enum Tag : char {
  kNone = 'N',
  kTrue = 'T',
  kFalse = 'F',
  kEllipsis = '.',
  kInt = 'i',
  kFloat = 'f',
  kStr = 's',
  kName = 'n',  // an identifier-like string, interned as the compiler does
  kTuple = 't',
  kCode = 'c',
};

bool identifier_like(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

class Writer {
 public:
  std::string out;

  void byte(char c) { out.push_back(c); }
  void uvar(std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void svar(std::int64_t v) { uvar((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void str(const std::string& s) {
    uvar(s.size());
    out += s;
  }

  void object(const Object* o) {
    if (o == none()) return byte(kNone);
    if (o == &true_object) return byte(kTrue);
    if (o == &false_object) return byte(kFalse);
    if (o == ellipsis()) return byte(kEllipsis);
    if (o->type() == &int_type) {
      byte(kInt);
      return svar(int_value(o));
    }
    if (is_float(o)) {
      byte(kFloat);
      double v = float_value(o);
      char b[8];
      std::memcpy(b, &v, 8);
      out.append(b, 8);
      return;
    }
    if (is_str(o)) {
      const std::string& s = str_value(o);
      byte(identifier_like(s) ? kName : kStr);
      return str(s);
    }
    if (o->type() == &tuple_type) {
      const auto* t = static_cast<const Tuple*>(o);
      byte(kTuple);
      uvar(t->size());
      for (const ObjRef& item : t->items) object(item.get());
      return;
    }
    if (o->type() == &code_type) {
      byte(kCode);
      return code(*static_cast<const Code*>(o));
    }
    throw CodeFormatError("cannot serialize a constant of type " + o->type()->name);
  }

  void names(const std::vector<Str*>& v) {
    uvar(v.size());
    for (const Str* s : v) str(s->value);
  }

  void code(const Code& c) {
    uvar(c.ops.size());
    for (std::uint32_t op : c.ops) uvar(op);
    uvar(c.consts.size());
    for (const ObjRef& k : c.consts) object(k.get());
    names(c.names);
    names(c.varnames);
    names(c.cellvars);
    names(c.freevars);
    uvar(c.cell_from_param.size());
    for (int p : c.cell_from_param) svar(p);
    svar(c.argcount);
    svar(c.posonlyargcount);
    svar(c.kwonlyargcount);
    uvar(c.flags);
    svar(c.stacksize);
    svar(c.firstlineno);
    str(c.name);
    str(c.qualname);
    uvar(c.linetable.size());
    for (const auto& [pc, line] : c.linetable) {
      uvar(pc);
      svar(line);
    }
    if (c.doc) {
      byte(1);
      object(c.doc.get());
    } else {
      byte(0);
    }
  }
};

class Reader {
 public:
  Reader(std::string_view data, std::shared_ptr<const SourceText> source) : data_(data), source_(std::move(source)) {}

  char byte() {
    need(1);
    return data_[pos_++];
  }
  std::uint64_t uvar() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      auto b = static_cast<unsigned char>(byte());
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    throw CodeFormatError("serialized code: varint too long");
  }
  std::int64_t svar() {
    std::uint64_t u = uvar();
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
  }
  int small() { return static_cast<int>(svar()); }
  std::size_t count() {
    std::uint64_t n = uvar();
    if (n > data_.size()) throw CodeFormatError("serialized code: bad count");
    return static_cast<std::size_t>(n);
  }
  std::string_view str() {
    std::size_t n = count();
    need(n);
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }

  ObjRef object() {
    switch (byte()) {
      case kNone: return ObjRef(none());
      case kTrue: return ObjRef(make_bool(true));
      case kFalse: return ObjRef(make_bool(false));
      case kEllipsis: return ObjRef(ellipsis());
      case kInt: return make_int(svar());
      case kFloat: {
        need(8);
        double v;
        std::memcpy(&v, data_.data() + pos_, 8);
        pos_ += 8;
        return make_float(v);
      }
      case kStr: return make_str(str());
      case kName: return ObjRef(intern(str()));
      case kTuple: {
        std::size_t n = count();
        if (n == 0) return ObjRef(empty_tuple());
        std::vector<ObjRef> items;
        items.reserve(n);
        for (std::size_t i = 0; i < n; ++i) items.push_back(object());
        return make_tuple(std::move(items));
      }
      case kCode: return code();
      default: throw CodeFormatError("serialized code: unknown constant tag");
    }
  }

  void names(std::vector<Str*>& v) {
    std::size_t n = count();
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) v.push_back(intern(str()));
  }

  Ref<Code> code() {
    Ref<Code> c(new Code());
    std::size_t nops = count();
    c->ops.reserve(nops);
    for (std::size_t i = 0; i < nops; ++i) c->ops.push_back(static_cast<std::uint32_t>(uvar()));
    std::size_t nconsts = count();
    c->consts.reserve(nconsts);
    for (std::size_t i = 0; i < nconsts; ++i) c->consts.push_back(object());
    names(c->names);
    names(c->varnames);
    names(c->cellvars);
    names(c->freevars);
    std::size_t ncells = count();
    for (std::size_t i = 0; i < ncells; ++i) c->cell_from_param.push_back(small());
    c->argcount = small();
    c->posonlyargcount = small();
    c->kwonlyargcount = small();
    c->flags = static_cast<std::uint32_t>(uvar());
    c->stacksize = small();
    c->firstlineno = small();
    c->name = std::string(str());
    c->qualname = std::string(str());
    std::size_t nlines = count();
    c->linetable.reserve(nlines);
    for (std::size_t i = 0; i < nlines; ++i) {
      auto pc = static_cast<std::uint32_t>(uvar());
      c->linetable.emplace_back(pc, small());
    }
    if (byte()) c->doc = object();
    c->source = source_;
    return c;
  }

  bool at_end() const { return pos_ == data_.size(); }

 private:
  void need(std::size_t n) const {
    if (data_.size() - pos_ < n) throw CodeFormatError("serialized code: truncated");
  }

  std::string_view data_;
  std::size_t pos_ = 0;
  std::shared_ptr<const SourceText> source_;
};

}  // namespace

std::string serialize_code(const Code& code) {
  Writer w;
  w.out.append(kMagic, sizeof kMagic);
  w.code(code);
  return std::move(w.out);
}

Ref<Code> deserialize_code(std::string_view data, std::shared_ptr<const SourceText> source) {
  if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
    throw CodeFormatError("serialized code: bad magic number");
  Reader r(data.substr(sizeof kMagic), std::move(source));
  Ref<Code> code = r.code();
  if (!r.at_end()) throw CodeFormatError("serialized code: trailing bytes");
  return code;
}

std::shared_ptr<const SourceText> make_source_text(const std::string& filename, const std::string& source) {
  auto text = std::make_shared<SourceText>();
  text->filename = filename;
  // Lines end at \n, \r\n or \r; a last line without an ending counts
  // only if it is not empty (as compile_source splits).
  const char* p = source.data();
  const char* end = p + source.size();
  while (p < end) {
    const char* q = p;
    while (q < end && *q != '\n' && *q != '\r') ++q;
    if (q == end) {
      text->lines.emplace_back(p, q);
      break;
    }
    text->lines.emplace_back(p, q);
    p = q + ((*q == '\r' && q + 1 < end && q[1] == '\n') ? 2 : 1);
  }
  return text;
}

}  // namespace lesson::python
